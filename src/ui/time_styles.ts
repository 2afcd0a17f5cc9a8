// Styles of the time control and of the time label on the map, injected once.
const CSS = `
.time-control {
  position: absolute; left: 50%; bottom: 40px; transform: translateX(-50%); z-index: 3;
  width: min(640px, calc(100% - 24px)); box-sizing: border-box; padding: 8px 12px 6px;
  background: rgba(255,255,255,0.96); border: 1px solid var(--line); border-radius: 8px;
  box-shadow: 0 2px 10px rgba(0,0,0,0.2); font-size: 0.88rem; color: var(--ink);
}
.time-head { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; margin-bottom: 4px; }
.time-layer { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
.time-layer-select { min-width: 0; max-width: 60%; font: inherit; color: var(--ink); height: 28px; }
.time-current { font-weight: 600; font-size: 1rem; white-space: nowrap; }
.time-body { display: flex; align-items: center; gap: 10px; }
.time-buttons { display: flex; gap: 6px; align-items: center; flex: none; }
.time-play { width: 36px; height: 32px; border-radius: 16px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; font-size: 0.85rem; }
.time-play[aria-pressed='true'] { background: #fff; color: var(--accent); }
.time-play:disabled { opacity: 0.4; cursor: default; }
.time-speed { height: 32px; font: inherit; }
.time-sliders { flex: 1; min-width: 0; }
.time-slider-row { display: flex; align-items: center; gap: 6px; }
.time-slider-name { flex: none; width: 3.2em; color: var(--muted); font-size: 0.8rem; }
.time-slider { flex: 1; width: 100%; margin: 4px 0; accent-color: var(--accent); }
.time-ticks { position: relative; height: 1.3em; margin: 0 8px; font-size: 0.72rem; color: var(--muted); }
.time-slider-row + .time-ticks, .time-slider-row ~ .time-ticks { margin-left: calc(3.2em + 14px); }
.time-sliders > .time-slider-row:only-of-type ~ .time-ticks { margin-left: 8px; }
.time-tick { position: absolute; top: 0; transform: translateX(-50%); white-space: nowrap; }
.time-tick:first-child { transform: translateX(-8px); }
.time-tick:last-child:not(:first-child) { transform: translateX(calc(-100% + 8px)); }
.time-mode { flex: none; height: 32px; padding: 0 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; font: inherit; }
.time-mode[aria-pressed='true'] { background: #dbe8f7; border-color: var(--accent); }
.time-map-label {
  position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 3; pointer-events: none;
  padding: 4px 12px; border-radius: 6px; background: rgba(20,30,45,0.78); color: #fff; text-align: center;
  font-size: 1.15rem; font-weight: 600; line-height: 1.25; max-width: 70%;
}
.time-map-label small { display: block; font-size: 0.72rem; font-weight: 400; opacity: 0.9; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
@media (max-width: 700px) {
  /* The attribution wraps to several lines on narrow screens: stay above it. */
  .time-control { bottom: 84px; }
  .time-body { flex-wrap: wrap; }
  .time-sliders { order: 3; flex-basis: 100%; }
}
`;

let injected = false;

export function injectTimeStyles(): void {
  if (injected || typeof document === 'undefined') return;
  injected = true;
  const style = document.createElement('style');
  style.id = 'time-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}
