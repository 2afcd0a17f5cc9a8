// Moved to state/codecs/compare.ts (one codec module per hash key); kept for the modules importing it.
export { clampSwipe, COMPARE_KEY, decodeCompare, encodeCompare, SWIPE_KEY, withCompare, type CompareState } from '../state/codecs/compare';
