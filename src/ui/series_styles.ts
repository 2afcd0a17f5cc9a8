// Styles of the time-series button and side-sheet content, injected once.
const CSS = `
.series-result { display: flex; flex-direction: column; gap: 10px; }
.series-point-text { margin: 0; color: var(--muted); font-size: 0.85rem; }
.series-chart { max-width: 100%; height: auto; background: #fff; }
.series-table { border-collapse: collapse; font-size: 0.88rem; }
.series-table caption { text-align: left; font-weight: 600; margin-bottom: 4px; }
.series-table th, .series-table td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; }
.series-csv { align-self: flex-start; padding: 6px 12px; font: inherit; cursor: pointer; }
`;

export function injectSeriesStyles(): void {
  if (document.getElementById('series-styles')) return;
  const style = document.createElement('style');
  style.id = 'series-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}
