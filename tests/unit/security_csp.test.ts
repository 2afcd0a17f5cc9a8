// The CSP has one source (vite.config.ts); index.html's <meta> fallback must say the same, and
// neither may allow eval or inline scripts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP, SECURITY_HEADERS } from '../../vite.config';
import { REPO_ROOT as repoRoot } from '../support/shared_data';


function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name = '', ...values] = part.split(/\s+/);
    return [name, values];
  }));
}

describe('Content-Security-Policy', () => {
  const html = readFileSync(path.join(repoRoot, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];

  it('should put the same policy in index.html as the server sends (minus header-only frame-ancestors)', () => {
    expect(meta, 'index.html has no CSP <meta>').toBeDefined();
    expect(directives(meta!)).toEqual(directives(CSP));
    const header = directives(SECURITY_HEADERS['Content-Security-Policy']);
    expect(header.get('frame-ancestors')).toEqual(["'self'"]);
    header.delete('frame-ancestors');
    expect(header).toEqual(directives(CSP));
  });

  it('should allow only the app\'s own scripts and workers', () => {
    const policy = directives(CSP);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
  });

  it('should come before any script in index.html (a meta CSP only covers what follows it)', () => {
    const metaAt = html.indexOf('http-equiv="Content-Security-Policy"');
    const scriptAt = html.indexOf('<script');
    expect(metaAt).toBeGreaterThan(0);
    expect(scriptAt < 0 || metaAt < scriptAt).toBe(true);
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
