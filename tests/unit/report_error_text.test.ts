// A report section's error line is said wholly in the UI language from the error's code: the
// layer, the file when known and what is wrong; never the error's English message.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n, loadToolStrings, setLang } from '../../src/i18n';
import { fileNameOf, reportErrorText } from '../../src/ui/report_error_text';
import { vectorNotes } from '../../src/ui/report_notes';
import { CrsError, FormatError, NetworkError, errorFromProblem, problemOf } from '../../src/sources/errors';
import { StatsError } from '../../src/queries/stats_errors';
import { pickSourceLayer } from '../../src/queries/stats_vector_load';
import { zonalStats } from '../../src/queries/zonal_stats';
import type { Cog } from '../../src/sources/cog/open';
import type { PMTiles } from 'pmtiles';

const URL_ = 'https://example.org/data/zones%20inondables.geojson?v=3';

async function say(error: unknown): Promise<{ fr: string; en: string }> {
  await setLang('fr');
  const fr = reportErrorText('Zones', error);
  await setLang('en');
  return { fr, en: reportErrorText('Zones', error) };
}

/** An archive whose metadata lists these source layers. */
const archiveWith = (ids: string[]) => ({ getMetadata: async () => ({ vector_layers: ids.map((id) => ({ id })) }) }) as unknown as PMTiles;

beforeAll(async () => {
  await initI18n('fr');
  await loadToolStrings(); // as the report's code does when it mounts
});
afterAll(() => setLang('fr'));

describe('report error line', () => {
  it('names the layer, the file and the reason for a file that cannot be read, without the English message', async () => {
    const error = new FormatError('corrupt', 'not valid JSON (Unexpected end of JSON input)', URL_, 'Unexpected end of JSON input');
    expect(await say(error)).toEqual({
      fr: 'Couche « Zones » (zones inondables.geojson) : le fichier est corrompu.',
      en: 'Layer “Zones” (zones inondables.geojson): the file is corrupt.',
    });
  });

  it('keeps the code of an error that came back from the statistics worker', async () => {
    const crossed = errorFromProblem(problemOf(new NetworkError({ code: 'http', url: 'https://example.org/data/mnt.tif', status: 404 }, 'HTTP 404')));
    const { fr, en } = await say(crossed);
    expect(fr).toBe('Couche « Zones » : les données ne peuvent pas être lues (HTTP 404 ; https://example.org/data/mnt.tif)');
    expect(en).toBe('Layer “Zones”: the data cannot be read (HTTP 404; https://example.org/data/mnt.tif)');
  });

  it('says a CRS problem without a file', async () => {
    expect(await say(new CrsError('unknown-crs', 'EPSG:99999 is not known'))).toEqual({
      fr: 'Couche « Zones » : système de coordonnées inconnu.',
      en: 'Layer “Zones”: unknown coordinate system.',
    });
  });

  it('says which source layers an archive has when the layer file names another or none', async () => {
    const missing = await pickSourceLayer(archiveWith(['zones', 'rivieres']), 'crues', 'https://example.org/data/z.pmtiles').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StatsError);
    expect(await say(missing)).toEqual({
      fr: 'Couche « Zones » : le fichier z.pmtiles n’a pas de couche « crues » (il contient : zones, rivieres).',
      en: 'Layer “Zones”: the file z.pmtiles has no layer “crues” (it holds: zones, rivieres).',
    });
    const several = await pickSourceLayer(archiveWith(['zones', 'rivieres']), undefined, 'z.pmtiles').catch((e: unknown) => e);
    const { fr, en } = await say(several);
    expect(fr).toContain('plusieurs couches (zones, rivieres)');
    expect(en).toContain('several layers (zones, rivieres)');
    expect(`${fr} ${en}`).not.toMatch(/--|source-layer/); // no developer option shown to web users
  });

  it('says which band a raster lacks, and how many it has, rather than an unexpected error', async () => {
    const square = { type: 'Polygon' as const, coordinates: [[[-72, 46], [-71, 46], [-71, 47], [-72, 46]]] };
    // the band is checked from the header's facts, before any pixel is read
    const rasterWith = (bands: number) => ({ key: 'https://example.org/data/mnt.tif', bands }) as unknown as Cog;
    const missing = await zonalStats(rasterWith(3), square, { band: 5 }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StatsError);
    expect((missing as StatsError).code).toBe('band-missing');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await say(missing)).toEqual({
      fr: 'Couche « Zones » : le fichier mnt.tif n’a pas de bande 5 (il en a 3).',
      en: 'Layer “Zones”: the file mnt.tif has no band 5 (it has 3).',
    });
    expect(await say(await zonalStats(rasterWith(1), square, { band: 2 }).catch((e: unknown) => e))).toEqual({
      fr: 'Couche « Zones » : le fichier mnt.tif n’a pas de bande 2 (il n’en a qu’une).',
      en: 'Layer “Zones”: the file mnt.tif has no band 2 (it has only one).',
    });
    expect(warn).not.toHaveBeenCalled(); // not logged as unexpected
    warn.mockRestore();
  });

  it('says an unexpected error in the UI language only, and logs the English for debugging', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await say(new TypeError('Cannot read properties of undefined'))).toEqual({
      fr: 'Couche « Zones » : les statistiques n’ont pas pu être calculées (erreur inattendue).',
      en: 'Layer “Zones”: the statistics could not be computed (unexpected error).',
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('takes the file name from a URL', () => {
    expect(fileNameOf(URL_)).toBe('zones inondables.geojson');
    expect(fileNameOf('data/a.tif')).toBe('a.tif');
    expect(fileNameOf(undefined)).toBe('');
  });
});

describe('report notes of a vector layer', () => {
  it('says what the statistics dropped or simplified in the UI language, from the numbers', async () => {
    const facts = { unusable: 2, repaired: 1, skipped: 3, tiles: { zoom: 9, maxZoom: 12, anonymous: 4 } };
    await setLang('fr');
    const fr = vectorNotes(facts);
    await setLang('en');
    const en = vectorNotes(facts);
    expect(fr).toEqual([
      'Grande zone : lue au niveau de zoom 9 au lieu de 12 (géométrie simplifiée).',
      'Parties de tuiles sans identifiant d’élément : 4 ; les parties aux attributs identiques comptent pour un seul élément.',
      'Éléments sans géométrie utilisable, ignorés : 2.',
      'Géométries invalides réparées avant le découpage : 1.',
      'Géométries qui n’ont pas pu être découpées, ignorées : 3.',
    ]);
    expect(en).toEqual([
      'Large area: read at zoom level 9 instead of 12 (simplified geometry).',
      'Tile parts without a feature id: 4; parts with identical attributes count as one feature.',
      'Features without a usable geometry, ignored: 2.',
      'Invalid geometries repaired before clipping: 1.',
      'Geometries that could not be clipped, skipped: 3.',
    ]);
    expect(vectorNotes({ unusable: 0, repaired: 0, skipped: 0, tiles: { zoom: 12, maxZoom: 12, anonymous: 0 } })).toEqual([]);
  });
});
