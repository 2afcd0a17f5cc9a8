// Values from files, layer JSON, URLs and user input are only ever inserted as text: markup and
// javascript: strings are placed everywhere a value can appear, with the CSP bypassed so that a
// value inserted as HTML would really run (this tests the code, not only the policy).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayer } from './app_data';
import { baseUrl, launchBrowser, VIEWPORT, waitForIdle, waitForReady, clickTool, perFileCatalogue } from './harness';

const MARKUP = '"><img src=x onerror="window.__pwned=1"><svg onload="window.__pwned=2">';
const JS_URL = 'javascript:window.__pwned=3';
const EVIL = `${MARKUP} ${JS_URL}`;
const CENTRE = { lon: -72.55, lat: 46.35 };
const text = { fr: EVIL, en: EVIL };

/** A catalogue layer with every text replaced by the payload. */
function evilFloodLayer(): unknown {
  const def = readLayer('zones-inondables');
  return {
    ...def,
    title: text, description: text,
    attribution: { ...def.attribution, organisation: text, licence: EVIL, url: JS_URL },
    legend: { ...def.legend, items: def.legend.items.map((item) => ({ ...item, label: text })) },
    fields: def.fields?.map((field) => ({ ...field, label: text, unit: EVIL,
      codes: field.codes && Object.fromEntries(Object.keys(field.codes).map((code) => [code, text])) })),
  };
}

/** Another catalogue layer turned into a GeoJSON layer whose attribute names and values are the payload. */
function evilGeojsonLayer(): unknown {
  const def = readLayer('crues-historiques');
  const { floodHistory: _history, ...rest } = def;
  return {
    ...rest, title: text, description: text,
    source: { kind: 'geojson', url: 'data/evil.geojson' },
    style: [{ type: 'circle', paint: { 'circle-radius': 12, 'circle-color': '#d7301f' } }],
    fields: [{ name: 'nom', label: text }, { name: EVIL, label: text }],
  };
}

const EVIL_GEOJSON = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { nom: EVIL, [EVIL]: JS_URL, url: JS_URL },
    geometry: { type: 'Point', coordinates: [CENTRE.lon, CENTRE.lat] },
  }],
};

async function routeEvilData(page: Page): Promise<void> {
  const json = (body: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await perFileCatalogue(page);
  await page.route('**/layers/zones-inondables.json', (route) => route.fulfill(json(evilFloodLayer())));
  await page.route('**/layers/crues-historiques.json', (route) => route.fulfill(json(evilGeojsonLayer())));
  await page.route('**/data/evil.geojson', (route) => route.fulfill(json(EVIL_GEOJSON)));
}

/** Everything that would show an injected value became markup or a live link. */
async function injectedNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const node of document.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`<${node.localName} ${attr}>`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(attr) && /^\s*javascript:/i.test(node.getAttribute(attr) ?? '')) {
          found.push(`<${node.localName} ${attr}="${node.getAttribute(attr)}">`);
        }
      }
    }
    const pwned = (window as Window & { __pwned?: unknown }).__pwned;
    if (pwned !== undefined) found.push(`window.__pwned = ${String(pwned)}`);
    return found;
  });
}

const ENC = encodeURIComponent;

describe('injection of markup and javascript: URLs', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await routeEvilData(page);
    const hash = [
      `map=13/${CENTRE.lat}/${CENTRE.lon}`, 'lang=fr',
      `layers=zones-inondables,crues-historiques,${ENC(MARKUP)}`,
      `add=${ENC(JS_URL)}`, `aoi=${ENC(EVIL)}`, `time=${ENC(EVIL)}`, `q=${ENC(EVIL)}`, `${ENC(MARKUP)}=${ENC(JS_URL)}`,
    ].join('&');
    await page.goto(`${baseUrl()}#${hash}`);
    await waitForReady(page);
    await waitForIdle(page);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('should show the layer texts and the hash values as text only', async () => {
    const titles = await page.$$eval('#layer-panel .layer-title', (items) => items.map((item) => item.textContent ?? ''));
    const errors = await page.$$eval('#layer-panel .layer-error', (items) => items.map((item) => item.textContent ?? ''));
    expect(titles.filter((title) => title.includes('<img')), JSON.stringify({ titles, errors })).not.toEqual([]);
    expect(await injectedNodes(page)).toEqual([]);
  });

  it('should keep the info dialog inert (text, and no javascript: link)', async () => {
    await page.click('#layer-panel li.layer[data-layer-id="zones-inondables"] button.layer-info');
    await page.waitForSelector('#layer-info[open]');
    expect(await page.textContent('#layer-info')).toContain('<img');
    expect(await injectedNodes(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('should show identified attribute names and values as text', async () => {
    const box = await page.locator('#map').boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForFunction(() => (document.querySelector('#side-sheet')?.textContent ?? '').includes('javascript:'), undefined, { timeout: 20_000 });
    expect(await injectedNodes(page)).toEqual([]);
  });

  it('should treat typed search text as text', async () => {
    await page.fill('#search-input', EVIL);
    // The search answers as the text is typed: suggestions (the layers' titles are the payload too)
    // or "no result for …" echoing the query.
    await page.waitForFunction(() => document.querySelector('#search-listbox [role="option"]')
      || (document.querySelector('#search-status')?.textContent ?? '').includes('<img'), undefined, { timeout: 10_000 });
    await page.keyboard.press('Enter');
    expect(await injectedNodes(page)).toEqual([]);
  });

  it('should refuse a javascript: URL in Add data and show uploaded file names as text', async () => {
    await clickTool(page, 'add-data-button');
    await page.fill('#add-data-url', JS_URL);
    await page.click('#add-data-submit');
    await page.waitForSelector('.add-data-message:not(:empty)');
    expect(await page.getAttribute('.add-data-message', 'data-kind')).toBe('error');
    await page.setInputFiles('#add-data-file', { name: `${MARKUP}.tif`, mimeType: 'image/tiff', buffer: Buffer.from('not a tiff') });
    // The refusal names the file: its name is on the page, as text.
    await page.waitForFunction((name) => (document.body.textContent ?? '').includes(name), `${MARKUP}.tif`, { timeout: 20_000 });
    expect(await injectedNodes(page)).toEqual([]);
  });

  it('should show AOI names from uploaded file names as text', async () => {
    await clickTool(page, 'aoi-toolbar-button');
    const polygon = { type: 'Feature', properties: { name: EVIL, nom: EVIL },
      geometry: { type: 'Polygon', coordinates: [[[-72.56, 46.34], [-72.54, 46.34], [-72.54, 46.36], [-72.56, 46.34]]] } };
    await page.setInputFiles('#aoi-file', { name: `${MARKUP}.geojson`, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(polygon)) });
    await page.waitForFunction(() => (document.querySelector('#side-sheet')?.textContent ?? '').includes('<img'), undefined, { timeout: 20_000 });
    expect(await injectedNodes(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
