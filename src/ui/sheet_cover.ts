// How much of the map the side sheet hides, so that a picked place or fitted data lands in the
// part of the map the user can see rather than under the card that opens beside it.
import { SHEET_HALF } from './sheet_drag';

export interface SheetCover {
  /** Pixels of the map's right edge under the sheet (desktop). */
  right: number;
  /** Pixels of the map's bottom edge under the sheet (phones: the sheet is a bottom sheet). */
  bottom: number;
}

const PHONE_LAYOUT = '(max-width: 700px)';

/**
 * Measured when the sheet is open. When it is closed but about to open (a search pick opens the
 * flood verdict card), predicted from its layout in styles.css: desktop min(380px, 60%) wide and
 * 52px from the right edge; phones half-open at the bottom (SHEET_HALF of the window's height).
 */
export function sheetCover(mapElement: HTMLElement, aboutToOpen: boolean): SheetCover {
  const sheet = document.getElementById('side-sheet');
  const map = mapElement.getBoundingClientRect();
  if (sheet && !sheet.hidden) {
    const rect = sheet.getBoundingClientRect();
    const phone = rect.left <= map.left + 1 && rect.right >= map.right - 1;
    return phone ? { right: 0, bottom: Math.max(0, map.bottom - rect.top) } : { right: Math.max(0, map.right - rect.left), bottom: 0 };
  }
  if (!aboutToOpen) return { right: 0, bottom: 0 };
  return window.matchMedia(PHONE_LAYOUT).matches
    ? { right: 0, bottom: Math.min(map.height, window.innerHeight * SHEET_HALF) }
    : { right: Math.min(380, map.width * 0.6) + 52, bottom: 0 };
}

/** The flyTo/easeTo `offset` that centres a target in the uncovered part of the map. */
export function offsetForCover(cover: SheetCover): [number, number] {
  return [-cover.right / 2, -cover.bottom / 2];
}
