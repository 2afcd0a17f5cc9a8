// Build step for dist/layers, run by the layers plugin (vite_layers_plugin.ts) in its own process
// so Vite's config loader never bundles app code: checks every catalogue and basemap file (an
// invalid one stops the build, named), writes the time layers' values into their built copies,
// then the one-request catalogue bundle and the checked basemap list from those copies.
// Usage: tsx scripts/build_layers.ts <dist/layers> <folder the data URLs resolve in, e.g. public>
import { checkLayersFolder, describeProblems, writeCheckedFiles } from './catalogue_bundle.ts';
import { writeTimeValues } from './layer_time_values.ts';

const [layersDir, dataRoot] = process.argv.slice(2);
if (!layersDir || !dataRoot) throw new Error('usage: build_layers.ts <layersDir> <dataRoot>');
const { problems } = checkLayersFolder(layersDir);
if (problems.length > 0) {
  console.error(`layers: the build stops, ${describeProblems(problems)}`);
  process.exit(1);
}
const timed = await writeTimeValues(layersDir, dataRoot);
writeCheckedFiles(layersDir);
console.log(`layers: every file valid; time values written for ${timed.length ? timed.join(', ') : 'no layer'}; catalogue bundle and checked basemap list written`);
