// The default catalogue fetcher over a real local HTTP server: a layer file whose first answer is
// a 503 still loads (retried), a 404 is asked once and reported on its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load';
import { catalogueOf, goodLayer } from './catalogue_fixture';

const layer = (id: string) => JSON.stringify(goodLayer(id));

const FILES: Record<string, string> = {
  '/layers/catalogue.json': catalogueOf(['flaky', 'gone']),
  '/layers/flaky.json': layer('flaky'),
};

describe('catalogue over HTTP', () => {
  let server: Server;
  let base = '';
  const asked: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? '';
      asked.push(path);
      const firstFlaky = path === '/layers/flaky.json' && asked.filter((p) => p === path).length === 1;
      if (firstFlaky) return response.writeHead(503).end();
      const body = FILES[path];
      if (body === undefined) return response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/layers/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should retry a layer file answered 503 and ask a missing one only once', async () => {
    const result = await loadCatalogue(base);
    const flaky = result.layers.find((entry) => entry.id === 'flaky');
    const gone = result.layers.find((entry) => entry.id === 'gone');
    expect(flaky?.def?.id).toBe('flaky');
    expect(gone?.error?.kind).toBe('fetch');
    expect(gone?.error?.message).toMatch(/404/);
    expect(asked.filter((p) => p === '/layers/flaky.json')).toHaveLength(2);
    expect(asked.filter((p) => p === '/layers/gone.json')).toHaveLength(1);
  });
});
