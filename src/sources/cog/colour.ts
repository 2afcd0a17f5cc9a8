// CSS colour strings → RGBA bytes, and the three colouring modes of CogRendering.
export type Rgba = [number, number, number, number];

/** '#rgb', '#rrggbb', '#rrggbbaa', 'rgb(r,g,b)' and 'rgba(r,g,b,a)'. */
export function parseColour(text: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text.trim());
  if (hex) {
    let h = hex[1] as string;
    if (h.length === 3) h = h.split('').map((c) => c + c).join('');
    const byte = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return [byte(0), byte(2), byte(4), h.length === 8 ? byte(6) : 255];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i.exec(text.trim());
  if (fn) {
    const alphaText = fn[4];
    const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : Number(alphaText);
    return [Number(fn[1]), Number(fn[2]), Number(fn[3]), Math.round(alpha * 255)];
  }
  throw new Error(`"${text}" is not a colour (#rrggbb or rgb(…) expected)`);
}

/** A continuous ramp as sorted stops; values outside take the end colours. */
export class Ramp {
  private readonly values: number[];
  private readonly colours: Rgba[];

  constructor(stops: Array<[number, string]>) {
    if (stops.length === 0) throw new Error('a continuous rendering needs at least one ramp stop');
    const sorted = [...stops].sort((a, b) => a[0] - b[0]);
    this.values = sorted.map((s) => s[0]);
    this.colours = sorted.map((s) => parseColour(s[1]));
  }

  colourInto(value: number, out: Uint8ClampedArray, at: number): void {
    const { values, colours } = this;
    let i = 0;
    while (i < values.length - 1 && value > (values[i + 1] as number)) i++;
    const lo = colours[i] as Rgba;
    const hi = colours[Math.min(i + 1, colours.length - 1)] as Rgba;
    const v0 = values[i] as number, v1 = values[Math.min(i + 1, values.length - 1)] as number;
    const t = v1 > v0 ? Math.max(0, Math.min(1, (value - v0) / (v1 - v0))) : 0;
    for (let c = 0; c < 4; c++) out[at + c] = (lo[c] as number) + ((hi[c] as number) - (lo[c] as number)) * t;
  }
}

/** code → colour; unknown codes stay transparent. */
export function categoryTable(categories: Record<string, string>): Map<number, Rgba> {
  const table = new Map<number, Rgba>();
  for (const [code, colour] of Object.entries(categories)) table.set(Number(code), parseColour(colour));
  return table;
}
