// `npm run import -- <input> --id <layer-id> …`: converts an official download into a PMTiles or COG
// file plus a starter layer JSON. Any refusal is one line on stderr and exit code 1.

import path from 'node:path';
import { parseImportArgs } from './args';
import { ImportError } from './errors';
import { runImport, type ImportReport } from './run';
import { runPart } from './partition_run';

function summary(report: ImportReport): string[] {
  const rel = (file: string): string => path.relative(process.cwd(), file) || file;
  const { layer, vector, raster } = report;
  const lines = [`Imported ${layer.id} in ${report.seconds.toFixed(1)} s`];
  if (vector) {
    lines.push(`  data:  ${rel(report.dataFile)} (PMTiles MVT, zoom ${vector.zooms.minzoom}–${vector.zooms.maxzoom}, source-layer "${vector.sourceLayer}")`);
    lines.push(`  input: layer "${vector.facts.layer}", ${vector.facts.featureCount} features, ${vector.facts.geometry}, feature id attribute "${vector.featureIdField}"`);
    if (vector.facts.skippedLayers.length) lines.push(`  skipped layers (use --layer): ${vector.facts.skippedLayers.join(', ')}`);
    if (vector.repaired === undefined) lines.push('  geometry validity not checked; invalid geometries repaired where GDAL can (-makevalid)');
    else if (vector.repaired === 0) lines.push('  all geometries valid');
    else lines.push(`  repaired ${vector.repaired} invalid geometries (GDAL -makevalid)`);
    if (vector.encoding) lines.push(`  text read as ${vector.encoding} (the .dbf declares no encoding)`);
    if (vector.damagedTexts) lines.push(`  kept ${vector.damagedTexts} text values with damaged characters (U+FFFD) as they are`);
  }
  if (raster) {
    lines.push(`  data:  ${rel(report.dataFile)} (COG, ${raster.compression}, ${raster.blockSize}px tiles, overviews ${raster.overviewResampling})`);
    lines.push(`  input: ${raster.facts.width}×${raster.facts.height}, ${raster.facts.bands.length} band(s) ${raster.facts.bands[0]?.type}, rendering ${raster.style.cog.mode}`);
  }
  lines.push(`  layer: ${rel(report.layerFile)} (group "${layer.group}"; edit title, description and attribution)`);
  if (report.urlNote) lines.push(`  note:  ${report.urlNote}`);
  return lines;
}

async function main(): Promise<void> {
  try {
    const args = parseImportArgs(process.argv.slice(2), process.env);
    if (args.partition !== undefined) {
      const files = await runPart({ ...args, partition: args.partition });
      console.log(`Wrote part ${args.partition} of ${args.id}: ${files.map((f) => path.relative(process.cwd(), f)).join(', ') || 'nothing (no data in this part)'}`);
      return;
    }
    const report = await runImport(args);
    console.log(summary(report).join('\n'));
  } catch (error) {
    const message = error instanceof ImportError ? error.message : `import failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = 1;
  }
}

await (process.argv[2] === 'addresses' ? (await import('./addresses')).addressesMain(process.argv.slice(3)) : main());
