// A PNG of the map for reports: the WebGL map canvas (created with preserveDrawingBuffer) drawn
// onto a 2D canvas, plus a title band, legend, scale bar, north arrow, attribution and date,
// and a caption line per time-enabled layer shown saying which time it shows.

/** CSS pixels per caption line under the map. */
const LINE = 18;

export interface MapPngInput {
  canvas: HTMLCanvasElement;
  title: string;
  date: string;
  /** ground metres per CSS pixel at the map centre */
  metresPerPixel: number;
  legend: Array<{ title: string; items: Array<{ label: string; color: string }> }>;
  attribution: string;
  northLabel: string;
  /** Caption lines of the times shown (ui/time_caption.ts timeCaptionLines). */
  times: string[];
}

export function composeMapPng(input: MapPngInput): Promise<Blob> {
  const ratio = input.canvas.width / Math.max(1, input.canvas.clientWidth || input.canvas.width);
  const times = input.times;
  const out = document.createElement('canvas');
  out.width = input.canvas.width;
  out.height = input.canvas.height + Math.round((48 + LINE * times.length) * ratio);
  const g = out.getContext('2d');
  if (!g) return Promise.reject(new Error('no 2D canvas'));
  g.fillStyle = '#fff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(input.canvas, 0, 0);
  g.scale(ratio, ratio);
  const w = out.width / ratio;
  const h = input.canvas.height / ratio;
  drawLegend(g, input.legend);
  drawNorth(g, w - 30, 40, input.northLabel);
  drawScale(g, 12, h - 16, input.metresPerPixel);
  g.fillStyle = '#222';
  g.font = 'bold 14px sans-serif';
  g.fillText(`${input.title} — ${input.date}`, 10, h + 20);
  drawTimes(g, times, h + 20);
  g.font = '11px sans-serif';
  g.fillText(input.attribution.slice(0, 220), 10, h + 38 + LINE * times.length);
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** One line per time layer under the title, on a tinted band so it reads as the map's date. */
function drawTimes(g: CanvasRenderingContext2D, lines: string[], top: number): void {
  if (!lines.length) return;
  g.fillStyle = '#e8eef7';
  g.fillRect(0, top + 6, g.canvas.width, LINE * lines.length);
  g.fillStyle = '#14304f';
  g.font = 'bold 13px sans-serif';
  lines.forEach((line, i) => g.fillText(line, 10, top + 6 + LINE * i + 13));
}

function drawLegend(g: CanvasRenderingContext2D, legend: MapPngInput['legend']): void {
  const lines = legend.flatMap((l) => [{ text: l.title, color: null as string | null }, ...l.items.map((i) => ({ text: i.label, color: i.color }))]).slice(0, 24);
  if (!lines.length) return;
  g.font = '11px sans-serif';
  const width = Math.min(260, Math.max(...lines.map((l) => g.measureText(l.text).width)) + 34);
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.fillRect(8, 8, width, lines.length * 16 + 8);
  lines.forEach((line, i) => {
    const y = 24 + i * 16;
    if (line.color) {
      g.fillStyle = line.color;
      g.fillRect(14, y - 10, 14, 11);
    }
    g.fillStyle = '#222';
    g.font = line.color ? '11px sans-serif' : 'bold 11px sans-serif';
    g.fillText(line.text, line.color ? 34 : 14, y);
  });
}

function drawNorth(g: CanvasRenderingContext2D, x: number, y: number, label: string): void {
  g.fillStyle = '#222';
  g.beginPath();
  g.moveTo(x, y - 18);
  g.lineTo(x + 8, y + 6);
  g.lineTo(x, y);
  g.lineTo(x - 8, y + 6);
  g.closePath();
  g.fill();
  g.font = 'bold 12px sans-serif';
  g.textAlign = 'center';
  g.fillText(label, x, y + 20);
  g.textAlign = 'start';
}

/** A bar of a round length (1, 2 or 5 × 10ⁿ m) close to 100 px. */
function drawScale(g: CanvasRenderingContext2D, x: number, y: number, metresPerPixel: number): void {
  if (!(metresPerPixel > 0)) return;
  const target = 100 * metresPerPixel;
  const power = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= target) ?? power;
  const px = metres / metresPerPixel;
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(x - 4, y - 16, px + 60, 22);
  g.fillStyle = '#222';
  g.fillRect(x, y, px, 3);
  g.font = '11px sans-serif';
  g.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, x + px + 6, y + 4);
}
