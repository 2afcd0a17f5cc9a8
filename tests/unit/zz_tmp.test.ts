import { it } from 'vitest';
import { makeCrsFixtures } from './crs_fixtures';
import { loadGdal } from './cog_gdal';
it('x', async () => {
  const { fixtures } = await makeCrsFixtures();
  const gdal = await loadGdal();
  for (const f of fixtures.slice(7)) {
    const ds = (await gdal.open(f.file)).datasets[0]!;
    const info = await gdal.gdalinfo(ds, ['-json', '-proj4']) as any;
    const j = typeof info === 'string' ? JSON.parse(info) : info;
    console.log(f.name, j.coordinateSystem.proj4, JSON.stringify(j.wgs84Extent));
  }
}, 120000);
