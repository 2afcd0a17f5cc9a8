// `add=<url>` in the link, once per URL of data added from the web (app/feature_add_data.ts);
// files opened from the disk have no URL and stay out of the link.
import { safeDecode, type HashPairs } from './pairs';

export const ADD_KEY = 'add';

/** The linked URLs, in link order (an undecodable one reads as '', which fails to open). */
export function decodeAddUrls(pairs: HashPairs): string[] {
  return pairs.filter(([key]) => key === ADD_KEY).map(([, raw]) => safeDecode(raw) ?? '');
}

export function encodeAddUrls(urls: readonly string[]): Array<[string, string]> {
  return [...new Set(urls)].map((url): [string, string] => [ADD_KEY, encodeURIComponent(url)]);
}
