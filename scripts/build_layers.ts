// Build step for dist/layers, run by the layers plugin (vite_layers_plugin.ts) in its own process
// so Vite's config loader never bundles app code: writes the time layers' values into their
// built copies, then the one-request catalogue bundle from those copies.
// Usage: tsx scripts/build_layers.ts <dist/layers> <folder the data URLs resolve in, e.g. public>
import { writeBundle } from './catalogue_bundle.ts';
import { writeTimeValues } from './layer_time_values.ts';

const [layersDir, dataRoot] = process.argv.slice(2);
if (!layersDir || !dataRoot) throw new Error('usage: build_layers.ts <layersDir> <dataRoot>');
const timed = await writeTimeValues(layersDir, dataRoot);
const bundled = writeBundle(layersDir);
console.log(`layers: time values written for ${timed.length ? timed.join(', ') : 'no layer'}; ${bundled ? 'catalogue bundle written' : 'no catalogue bundle (catalogue.json missing or invalid)'}`);
