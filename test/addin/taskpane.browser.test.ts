/**
 * The built task pane in Debian's Chromium, served from 127.0.0.1, with a stub office.js and an in-memory
 * workbook: press "Calcola punteggi", the workbook receives the results and the pane shows the summary.
 * Nothing leaves the machine: office.js's CDN address is answered by the stub, anything else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { formatPercent, scorePlan, type PlanInput } from '../../src/core/index.js';
import { createRequire } from 'node:module';
import { artifactsDir, launchChromium } from '../support/browser.js';
import { NOTES_SHIM } from './officejs.js';

const DIST = new URL('../../dist/addin/', import.meta.url).pathname;
const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

let server: Server;
let base: string;
let browser: Browser;
let officeStub: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error('dist/addin missing: run `npm run build` first');
  const bundle = await build({
    entryPoints: [new URL('./office-stub.ts', import.meta.url).pathname],
    bundle: true, write: false, format: 'iife', target: 'es2020', platform: 'browser',
  });
  // Microsoft's office.js for Excel on the web, then the notes API it predates, then the stub.
  const officeJs = readFileSync(createRequire(import.meta.url).resolve('@microsoft/office-js/dist/excel-web-16.00.js'), 'utf8');
  officeStub = `${officeJs}\n${NOTES_SHIM}\n${bundle.outputFiles[0].text}`;
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('task pane in Chromium', () => {
  it('scores the workbook from the pane, shows the summary, and selects an issue\'s cell', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const offsite: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ contentType: 'text/javascript', body: officeStub });
      if (url.startsWith(base)) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('button', { name: 'Calcola punteggi' }).waitFor();
    // Year and method come from Impostazioni.
    await expect.poll(() => page.inputValue('#year')).toBe('2024');
    expect(await page.inputValue('#method')).toBe('linear');

    // Keyboard first: Tab reaches the main button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('score');
    await page.keyboard.press('Enter');
    await page.locator('#entity-score').waitFor();

    const expected = scorePlan(pira);
    expect(await page.textContent('#entity-score')).toBe(formatPercent(expected.entity.score, 'it'));
    expect(await page.textContent('#entity-rating')).toBe(expected.entity.rating);
    expect(await page.locator('figure svg').count()).toBe(Object.keys(expected.groups).length + 2);
    expect(await page.textContent('#status')).toContain('Punteggi calcolati');

    const written = await page.evaluate(() => {
      const wb = (window as unknown as { __workbook: { sheet(n: string): { table(): unknown[][] }; syncs: number } }).__workbook;
      return { indicatori: wb.sheet('Indicatori').table(), sintesi: wb.sheet('Sintesi').table(), syncs: wb.syncs };
    });
    const header = written.indicatori[0] as string[];
    const scoreCol = header.indexOf('Punteggio');
    expect(scoreCol).toBeGreaterThan(0);
    for (const ind of expected.indicators) expect(written.indicatori[ind.row][scoreCol]).toBe(ind.score ?? '');
    expect(written.sintesi[2].slice(0, 2)).toEqual(["Risultato dell'ente", expected.entity.score]);

    // The issue list: a click selects the offending cell.
    const issue = expected.issues[0];
    await page.locator('button.issue').first().click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __workbook: { active: unknown } }).__workbook.active))
      .toEqual({ sheet: issue.sheet, address: issue.cell });

    // Readable at 320 px: nothing wider than the pane.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifactsDir(), 'taskpane.png'), fullPage: true });

    // The ribbon's "Calcola punteggi" runs the same scoring without the pane and completes its event.
    const completed = await page.evaluate(async () => {
      const actions = (window as unknown as { __actions: Map<string, (e: { completed(): void }) => Promise<void>> }).__actions;
      let done = false;
      await actions.get('scorePlan')?.({ completed: () => (done = true) });
      return done;
    });
    expect(completed).toBe(true);
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  it('shows why the ribbon\'s "Calcola punteggi" failed, in Italian, in a dialog and in the pane', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ contentType: 'text/javascript', body: officeStub });
      return url.startsWith(base) ? route.continue() : route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('button', { name: 'Calcola punteggi' }).waitFor();
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __workbook: { cellEditMode: boolean }; __actions: Map<string, (e: { completed(): void }) => Promise<void>>; __dialogs: string[] };
      w.__workbook.cellEditMode = true;
      let done = false;
      await w.__actions.get('scorePlan')?.({ completed: () => (done = true) });
      return { done, dialogs: w.__dialogs };
    });
    expect(outcome.done).toBe(true);
    expect(outcome.dialogs).toHaveLength(1);
    // The dialog page (built beside the pane) shows the message as text.
    const dialog = await browser.newPage();
    await dialog.goto(outcome.dialogs[0]);
    expect(await dialog.textContent('#text')).toMatch(/^Calcolo non riuscito: Excel sta modificando una cella: premi Invio o Esc/);
    expect(await dialog.textContent('h1')).toBe('Cruscotto: calcolo non riuscito');
    await dialog.close();
    expect(await page.textContent('#status')).toMatch(/^Calcolo non riuscito: Excel sta modificando una cella/);
    expect(await page.getAttribute('#status', 'data-kind')).toBe('error');
    expect(await page.textContent('#status')).toMatch(/^Calcolo non riuscito: Excel sta modificando una cella: premi Invio o Esc/);
    expect(await page.getAttribute('#status', 'data-kind')).toBe('error');
    await page.close();
  });

  it('outside Excel says to open it in Excel, not "Excel is not defined"', async () => {
    for (const [query, serveOffice] of [['?host=Word', true], ['', false]] as const) {
      const page = await browser.newPage({ viewport: { width: 320, height: 600 }, locale: 'it-IT' });
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('https://appsforoffice.microsoft.com/')) return serveOffice ? route.fulfill({ contentType: 'text/javascript', body: officeStub }) : route.abort();
        return url.startsWith(base) ? route.continue() : route.abort();
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/taskpane.html${query}`);
      await expect.poll(() => page.textContent('#app')).toContain('aprilo in Excel');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
