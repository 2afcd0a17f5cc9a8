// Each source error code is said in French and in English, from the code (never by reading the
// English message back), and the texts name no developer command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLang } from '../../src/i18n';
import { layerErrorText } from '../../src/ui/layer_error_text';
import { CrsError, FormatError, NetworkError, SizeError, problemOf, type SourceErrorCode, type SourceProblem } from '../../src/sources/errors';
import fr from '../../src/i18n/fr.json';
import en from '../../src/i18n/en.json';

const URL_ = 'https://example.org/data/carte.tif';

/** The row's text for `problem` in French, then in English. */
async function say(problem: SourceProblem | string): Promise<{ fr: string; en: string }> {
  await setLang('fr');
  const fr = layerErrorText('Zones', problem);
  await setLang('en');
  return { fr, en: layerErrorText('Zones', problem) };
}

beforeAll(() => initI18n('fr'));
afterAll(() => setLang('fr'));

describe('layer error text, from the code', () => {
  it('says a timeout in the UI language with the deadline and the file', async () => {
    const error = new NetworkError({ code: 'timeout', url: URL_, attempts: 3, seconds: 15 }, 'the server does not answer (no response within 15 s, 3 attempts)');
    expect(await say(problemOf(error))).toEqual({
      fr: `Couche « Zones » : le serveur ne répond pas (aucune réponse en 15 s ; ${URL_})`,
      en: `Layer “Zones”: the server does not answer (no response within 15 s; ${URL_})`,
    });
  });

  it('says a network failure in French in the French UI, with its attempts', async () => {
    const error = new NetworkError({ code: 'network', url: URL_, attempts: 3, detail: 'Failed to fetch' }, 'network error (Failed to fetch, 3 attempts)');
    const text = await say(problemOf(error));
    expect(text.fr).toBe(`Couche « Zones » : erreur réseau, la connexion a échoué ou a été coupée (3 tentative(s) ; ${URL_})`);
    expect(text.en).toBe(`Layer “Zones”: network error, the connection failed or was cut (3 attempt(s); ${URL_})`);
  });

  it('says a URL blocked by the page policy was blocked, and what works instead', async () => {
    const error = new NetworkError({ code: 'blocked', url: 'http://ortho.example/a.tif', attempts: 3 }, 'blocked');
    const text = await say(problemOf(error));
    expect(error.blockedByPolicy).toBe(true);
    expect(text.fr).toContain('politique de sécurité');
    expect(text.en).toContain('security policy');
    for (const said of [text.fr, text.en]) {
      expect(said).toContain('https://');
      expect(said).toContain('CORS');
      expect(said).toContain('http://ortho.example/a.tif');
      expect(said).not.toMatch(/npm|network error|attempt/i);
    }
  });

  it('says an HTTP status with the words the broken-layer test reads', async () => {
    const error = new NetworkError({ code: 'http', url: URL_, status: 404 }, 'HTTP 404 Not Found');
    expect(await say(problemOf(error))).toEqual({
      fr: `Couche « Zones » : les données ne peuvent pas être lues (HTTP 404 ; ${URL_})`,
      en: `Layer “Zones”: the data cannot be read (HTTP 404; ${URL_})`,
    });
  });

  it('says a missing offline copy with the offline wording', async () => {
    const error = new NetworkError({ code: 'offline-missing', url: URL_ }, 'no offline copy');
    expect(await say(problemOf(error))).toEqual({
      fr: '« Zones » : pas de données hors ligne ici (zone non téléchargée).',
      en: '“Zones”: no offline data here (area not downloaded).',
    });
  });

  it('gives each format, CRS and size code a translated reason, then the technical words', async () => {
    const cases: Array<[SourceProblem, string, string]> = [
      [new FormatError('truncated', 'the file is truncated', URL_).problem, 'le fichier est tronqué ou corrompu', 'the file is truncated or corrupt'],
      [new FormatError('not-tiff', 'not a TIFF file (bad magic)', URL_).problem, "ce n'est pas un fichier GeoTIFF", 'this is not a GeoTIFF file'],
      [new FormatError('not-pmtiles', 'not a PMTiles archive', URL_).problem, "ce n'est pas une archive PMTiles", 'this is not a PMTiles archive'],
      [new FormatError('compression', 'unsupported compression JPEG 2000 (34712)').problem, 'compression non prise en charge', 'unsupported compression'],
      [new CrsError('no-georef', 'the file has no georeference').problem, "le fichier n'est pas géoréférencé", 'the file has no georeference'],
      [new CrsError('unknown-crs', 'EPSG:1 is not in the EPSG database').problem, 'système de coordonnées inconnu', 'unknown coordinate system'],
      [new SizeError('no-range-too-large', 'too large', URL_).problem, 'le serveur ne permet pas la lecture par morceaux', 'the server does not allow reading in parts'],
    ];
    for (const [problem, fr, en] of cases) {
      const text = await say(problem);
      expect(text.fr).toMatch(new RegExp(`^Couche « Zones » : ${fr}.*\\(${escape(problem.message)}\\)$`));
      expect(text.en).toMatch(new RegExp(`^Layer “Zones”: ${en}.*\\(${escape(problem.message)}\\)$`));
    }
  });

  it('has a French and an English text for every code (the Record fails to compile when a code is added)', async () => {
    const codes: Record<SourceErrorCode, true> = {
      network: true, timeout: true, blocked: true, http: true, 'offline-missing': true, empty: true, truncated: true,
      'not-tiff': true, 'html-page': true, 'not-pmtiles': true, 'pmtiles-version': true, 'not-cloud-optimized': true,
      compression: true, corrupt: true, bands: true, 'no-georef': true, 'bad-georef': true, 'unknown-crs': true,
      'unsupported-crs': true, 'bad-definition': true, 'no-range-too-large': true, 'absurd-size': true, 'striped-too-large': true,
    };
    for (const code of Object.keys(codes) as SourceErrorCode[]) {
      const text = await say({ code, message: 'detail', url: URL_ });
      expect(text.fr, code).toMatch(/^(Couche )?« Zones »/);
      expect(text.en, code).toMatch(/^(Layer )?“Zones”/);
      expect(text.fr, code).not.toBe(text.en);
      for (const said of [text.fr, text.en]) expect(said, code).not.toMatch(/source_errors\.|npm/);
    }
    expect(Object.keys(fr.source_errors.reason)).toEqual(Object.keys(en.source_errors.reason));
  });

  it('wraps an error without a code (plain text from MapLibre) as before', async () => {
    expect(await say('tile failed')).toEqual({
      fr: 'Couche « Zones » : les données ne peuvent pas être lues (tile failed)',
      en: 'Layer “Zones”: the data cannot be read (tile failed)',
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
