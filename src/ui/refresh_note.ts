// The near-real-time line under a layer row: "updated at 14:05" or "last update failed at
// 14:07, retrying…". It is added to the panel's row from outside, so the row code stays as is.
import { t } from '../i18n';
import { el } from './dom';

export type RefreshNote = { kind: 'updated' | 'failed'; at: Date };

/** 24-hour HH:MM in local time, the same in both languages. */
export function clockTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export function noteText(note: RefreshNote): string {
  const time = clockTime(note.at);
  return note.kind === 'updated' ? t('refresh.updated', { time }) : t('refresh.failed', { time });
}

/** Shows (or removes, with null) the line of one layer; false when the row is not in the page. */
export function showRefreshNote(layerId: string, note: RefreshNote | null): boolean {
  const row = [...document.querySelectorAll<HTMLElement>('#layer-panel li.layer')]
    .find((candidate) => candidate.dataset.layerId === layerId);
  if (!row) return false;
  let line = row.querySelector<HTMLElement>('.layer-refresh');
  if (!note) {
    line?.remove();
    return true;
  }
  if (!line) {
    line = el('p', { class: 'layer-refresh', role: 'status' });
    row.querySelector('.layer-head')?.after(line);
  }
  line.dataset.kind = note.kind;
  line.textContent = noteText(note);
  line.style.cssText = `margin:2px 0 0;font-size:0.75rem;color:${note.kind === 'failed' ? 'var(--error)' : 'var(--muted)'}`;
  return true;
}
