// What a print is asked for (page, orientation, resolution, scale, what to include) and what it
// shows (title, legend, sources…): plain data shared by the panel, the renderer and the PDF.

/** Page sizes in PDF points (1/72 in), portrait. */
export const PAGE_SIZES = {
  letter: [612, 792],
  legal: [612, 1008],
  tabloid: [792, 1224],
  a4: [595.28, 841.89],
  a3: [841.89, 1190.55],
  a2: [1190.55, 1683.78],
  a1: [1683.78, 2383.94],
  a0: [2383.94, 3370.39],
} as const satisfies Record<string, readonly [number, number]>;

export type PageName = keyof typeof PAGE_SIZES;
export type Orientation = 'portrait' | 'landscape';
export const PAGE_NAMES = Object.keys(PAGE_SIZES) as PageName[];
export const DPI_CHOICES = [96, 150, 300] as const;

export interface PrintIncludes {
  legend: boolean;
  scaleBar: boolean;
  north: boolean;
  date: boolean;
  sources: boolean;
  ticks: boolean;
  permalink: boolean;
}

export interface PrintOptions {
  title: string;
  page: PageName;
  orientation: Orientation;
  dpi: number;
  /** 1:n; null = hold the current view */
  scale: number | null;
  include: PrintIncludes;
}

export const DEFAULT_INCLUDES: PrintIncludes = {
  legend: true, scaleBar: true, north: true, date: true, sources: true, ticks: false, permalink: false,
};

export interface LegendBlock {
  title: string;
  /** the date or period the map shows for a time layer */
  time?: string;
  items: Array<{ label: string; color: string }>;
}

/** Texts of a print, already in the user's language. */
export interface PrintContent {
  title: string;
  legend: LegendBlock[];
  /** one line per visible layer: organisation, licence, date */
  sources: string[];
  /** "Imprimé le 4 décembre 2026" */
  printed: string;
  permalink: string;
  north: string;
  sourcesHeading: string;
  /** Said under the footer when some characters cannot be drawn in the PDF (e.g. non-Latin scripts). */
  unprintableNote?: string;
}

export function pageSize(page: PageName, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAGE_SIZES[page];
  return orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** Printed pixels for a length in points. */
export function pointsToPixels(points: number, dpi: number): number {
  return Math.max(1, Math.round((points / 72) * dpi));
}
