// Which data URLs the page's Content-Security-Policy lets the app read (vite.config.ts:
// connect-src 'self' https: blob: data:). The browser refuses the others before any request, with
// an error indistinguishable from a network failure, so the app says why beforehand.

/** true when `url` is plain http:// on another origin than the page: the CSP blocks it. */
export function blockedByPolicy(url: string, pageUrl: string): boolean {
  let target: URL, page: URL;
  try {
    target = new URL(url, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  return target.protocol === 'http:' && target.origin !== page.origin;
}
