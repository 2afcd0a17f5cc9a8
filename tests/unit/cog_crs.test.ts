import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { converterFor, normaliseProj4 } from '../../src/sources/cog/crs';
import { COMMON_EPSG } from '../../src/sources/cog/crs_common';
import { commonCrs, crsFromEpsg } from '../../src/sources/cog/crs_epsg';
import { loadGdal } from './cog_gdal';

const require = createRequire(import.meta.url);
const epsgIndex = (code: number) => JSON.parse(readFileSync(require.resolve(`epsg-index/s/${code}.json`), 'utf8')) as { proj4: string; kind: string };

/** A lon/lat point inside the area of use of the CRS (zones are 3° or 6° wide). */
function pointFor(code: number): [number, number] {
  if (code >= 32181 && code <= 32190) return [code <= 32182 ? -50 - 3 * (code - 32180) + 1 : -49.5 - 3 * (code - 32180) + 1, 47];
  if (code >= 2945 && code <= 2952) return [-49.5 - 3 * (code - 2942) - 1, 48];
  if (code >= 2958 && code <= 2962) return [-183 + 6 * (code - 2941) + 2, 46];
  const utmZone = code % 100;
  if ((code > 26900 && code < 26924) || (code > 32600 && code < 32661)) return [-183 + 6 * utmZone + 2, 46];
  if (code > 32700 && code < 32761) return [-183 + 6 * utmZone - 2, -33];
  if (code === 25832) return [9, 50];
  if (code === 2056) return [7.5, 46.8];
  return [-71.2, 46.8]; // Québec City, for the Lambert and geographic CRSs
}

const commonCodes = [...COMMON_EPSG.keys()].filter((code) => code !== 900913);
/** The codes issue 11 found refused, some built in, some looked up. */
const issueCodes = [6622, 3798, 3979, 2959, 2950, 25832, 2056];
const lookedUp = [3798, 25832, 2056, 2154];

describe('EPSG CRSs', () => {
  it('builds every common code with the EPSG database definition (epsg-index), without a lookup', () => {
    for (const code of commonCodes) {
      const crs = commonCrs(code);
      expect(crs?.code, `EPSG:${code}`).toBe(code);
      const reference = proj4('EPSG:4326', normaliseProj4(epsgIndex(code).proj4));
      const point = pointFor(code);
      const [x, y] = converterFor(crs!).forward(point) as [number, number];
      const [rx, ry] = reference.forward(point) as [number, number];
      expect(Math.hypot(x - rx, y - ry), `EPSG:${code}`).toBeLessThan(1e-6);
      expect(crs!.geographic, `EPSG:${code}`).toBe(/longlat/.test(epsgIndex(code).proj4));
    }
    expect(commonCrs(2056)).toBeNull();
  });

  it('looks any other code up in the EPSG database, one code at a time', async () => {
    for (const code of lookedUp) {
      const crs = await crsFromEpsg(code);
      expect([crs.code, crs.geographic, crs.units]).toEqual([code, false, 'metre']);
    }
    const nad27 = await crsFromEpsg(4267);
    expect([nad27.geographic, nad27.units]).toEqual([true, 'degree']);
    await expect(crsFromEpsg(99999)).rejects.toThrow('EPSG:99999 is not in the EPSG database');
    await expect(crsFromEpsg(4978)).rejects.toThrow('EPSG:4978 (WGS 84) is not a projected or geographic CRS');
  });

  it('projects like GDAL/PROJ within 1.5 m (NAD83(CSRS) taken as WGS 84), exactly for the other datums', async () => {
    const gdal = await loadGdal();
    for (const code of [...commonCodes, ...issueCodes]) {
      const [lon, lat] = pointFor(code);
      const [expected] = await gdal.gdaltransform([[lon, lat]], ['-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${code}`, '-output_xy']);
      const [x, y] = converterFor(await crsFromEpsg(code)).forward([lon, lat]) as [number, number];
      const [ex, ey] = expected as [number, number];
      const csrs = /CSRS/.test((await crsFromEpsg(code)).name);
      expect(Math.hypot(x - ex, y - ey), `EPSG:${code} at ${lon},${lat}: ours ${x},${y} GDAL ${ex},${ey}`).toBeLessThan(csrs ? 1.5 : 0.01);
    }
  });
});
