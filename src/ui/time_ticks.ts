// Which tick labels under the time slider fit without touching: labels are measured (their
// text width in pixels), the smallest even step whose labels do not overlap wins, and the first
// and last labels are always kept (the one before the last gives way to it). Pure: no DOM.

export interface TickBox {
  /** 0..1 along the track. */
  position: number;
  /** Label width in pixels. */
  width: number;
}

export interface TickLayout {
  /** Track width in pixels. */
  trackWidth: number;
  /** The first label starts this far left of its step, the last ends this far right (CSS). */
  edgeInset: number;
  /** Pixels kept free between two labels. */
  gap: number;
}

/** The [left, right] pixels a label covers: the first starts at its step, the last ends there, others are centred. */
export function tickExtent(ticks: readonly TickBox[], index: number, layout: TickLayout): [number, number] {
  const tick = ticks[index]!;
  const x = tick.position * layout.trackWidth;
  if (index === 0) return [x - layout.edgeInset, x - layout.edgeInset + tick.width];
  if (index === ticks.length - 1) return [x + layout.edgeInset - tick.width, x + layout.edgeInset];
  return [x - tick.width / 2, x + tick.width / 2];
}

/** Indices of the labels to show, ascending: every k-th for the smallest k that fits, plus the last. */
export function fittingTicks(ticks: readonly TickBox[], layout: TickLayout): number[] {
  const n = ticks.length;
  if (n <= 1) return n === 1 ? [0] : [];
  for (let step = 1; step < n; step++) {
    const chosen = withLast(everyStep(n, step), ticks, layout);
    if (fits(chosen, ticks, layout)) return chosen;
  }
  // Even the first and last collide (a very narrow track): the first alone.
  return [0];
}

function everyStep(n: number, step: number): number[] {
  const indices: number[] = [];
  for (let i = 0; i < n; i += step) indices.push(i);
  return indices;
}

/** Adds the last label; the label before it gives way when the two would touch (never the first). */
function withLast(indices: number[], ticks: readonly TickBox[], layout: TickLayout): number[] {
  const last = ticks.length - 1;
  const chosen = indices[indices.length - 1] === last ? [...indices] : [...indices, last];
  while (chosen.length > 2 && overlaps(chosen[chosen.length - 2]!, last, ticks, layout)) chosen.splice(chosen.length - 2, 1);
  return chosen;
}

function fits(chosen: number[], ticks: readonly TickBox[], layout: TickLayout): boolean {
  return chosen.every((index, k) => k === 0 || !overlaps(chosen[k - 1]!, index, ticks, layout));
}

function overlaps(a: number, b: number, ticks: readonly TickBox[], layout: TickLayout): boolean {
  return tickExtent(ticks, a, layout)[1] + layout.gap > tickExtent(ticks, b, layout)[0];
}
