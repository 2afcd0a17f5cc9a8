// Styles of the search box, injected once (kept beside the component it styles).
const CSS = `
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.search { position: relative; width: min(360px, 40vw); }
#search-input {
  width: 100%; min-height: 36px; padding: 6px 10px; border-radius: 4px; border: 1px solid rgba(255,255,255,0.7);
  font: inherit; font-size: 0.95rem; color: var(--ink); background: #fff;
}
#search-listbox {
  position: absolute; top: calc(100% + 4px); left: 0; width: max(100%, 360px); max-height: 60vh; overflow-y: auto;
  margin: 0; padding: 4px 0; list-style: none; z-index: 20; background: #fff; color: var(--ink);
  border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 6px 18px rgba(0,0,0,0.25);
}
.search-option { display: flex; gap: 8px; align-items: baseline; padding: 6px 10px; cursor: pointer; }
.search-option:hover { background: #eef3fa; }
.search-option[aria-selected='true'] { background: #dbe8f7; outline: 2px solid var(--accent); outline-offset: -2px; }
.search-kind {
  flex: none; min-width: 86px; font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted);
}
.search-text { display: flex; flex-direction: column; min-width: 0; }
.search-label { font-size: 0.93rem; }
.search-detail { font-size: 0.8rem; color: var(--muted); }
.search-note { font-size: 0.78rem; color: #7a4b00; background: #fff4dc; padding: 1px 4px; border-radius: 3px; margin-top: 2px; }
.search-status { position: absolute; top: calc(100% + 4px); left: 0; margin: 0; width: max(100%, 360px); font-size: 0.8rem; }
.search-status:not(.search-status-problem) { clip: rect(0 0 0 0); width: 1px; height: 1px; overflow: hidden; }
.search-status-problem { background: #fff; color: var(--error); border: 1px solid var(--error); border-radius: 6px; padding: 6px 10px; z-index: 20; }
.search-status:empty { display: none; }
@media (max-width: 700px) { .search { width: 46vw; } #search-listbox, .search-status { width: 92vw; } }
`;

export function installSearchStyles(): void {
  if (document.getElementById('search-styles')) return;
  const style = document.createElement('style');
  style.id = 'search-styles';
  style.textContent = CSS;
  document.head.appendChild(style);
}
