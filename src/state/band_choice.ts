// Moved to codecs/bands.ts (one codec module per hash key); kept for the modules importing it.
export { bandChoices, withBandChoice } from './codecs/bands';
