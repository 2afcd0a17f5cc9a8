// The text of a layer's error row: the source's own (English, technical) message wrapped in the UI
// language, except for a server that does not answer, which is said wholly in the UI language.
import { t } from '../i18n';
import { parseTimeoutMessage } from '../sources/http_retry';
import { NO_OFFLINE_COPY } from '../sources/source';
import { parseStripedTooLarge } from '../sources/cog/checks';

export function layerErrorText(title: string, message: string): string {
  const timeout = parseTimeoutMessage(message);
  if (timeout) return t('net.timeout', { title, seconds: timeout.seconds, url: timeout.url });
  if (message.includes(NO_OFFLINE_COPY)) return t('offline.layer_missing', { title });
  const striped = parseStripedTooLarge(message);
  if (striped) return t('geotiff.striped_too_large', { title, ...striped });
  return t('errors.source', { title, message });
}
