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
import { formatPercent, scorePlan, summarize } from '../../src/core/index.js';
import { createRequire } from 'node:module';
import { artifactsDir, launchChromium } from '../support/browser.js';
import { NOTES_SHIM } from './officejs.js';
import { monitoredPlan, ownersPlan, piraPlan } from './plans.js';
import { expectLines } from './monitoring-pane.js';

const DIST = new URL('../../dist/addin/', import.meta.url).pathname;
const pira = piraPlan();
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
    // A workbook without period columns has no period to pick.
    expect(await page.locator('#period').count()).toBe(0);
    expect(await page.locator('#monitoring').isHidden()).toBe(true);
    expect(await page.locator('#objective-lines, #watchlist, svg.sparkline').count()).toBe(0);

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

  /** The built pane on the office.js stub over `plan`, every request but the page's own refused. */
  async function openPane(plan: 'monitored' | 'owners') {
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
    await page.goto(`${base}/taskpane.html?plan=${plan}`);
    await page.getByRole('button', { name: 'Calcola punteggi' }).waitFor();
    const workbook = <T>(read: string) => page.evaluate((code) => {
      const wb = (window as unknown as { __workbook: unknown }).__workbook;
      return (new Function('wb', `return (${code})`) as (w: unknown) => T)(wb);
    }, read);
    return { page, errors, offsite, workbook };
  }

  it('offers the periods of a monitored workbook and scores again at the one picked', async () => {
    const plan = monitoredPlan();
    const { page, errors, offsite, workbook } = await openPane('monitored');
    await page.getByRole('button', { name: 'Calcola punteggi' }).click();
    await page.locator('#period').waitFor();
    const yearEnd = scorePlan(plan);
    const midYear = scorePlan(plan, { period: '30/06' });
    // Every period with its date, the year end last and selected, as scored by default.
    expect(await page.locator('#period option').allTextContents()).toEqual(['30/06 (al 30/06/2024)', 'Fine anno 2024 (al 31/12/2024)']);
    expect(await page.inputValue('#period')).toBe('31/12');
    expect(await page.textContent('#period-scored')).toBe('Periodo valutato: 2024, al 31/12/2024');
    expect(await page.textContent('#entity-score')).toBe(formatPercent(yearEnd.entity.score, 'it'));
    // The entity's line across the periods, its values written beside it.
    expect(await page.locator('#entity-trend svg polyline').count()).toBe(1);
    expect(await page.textContent('#entity-trend figcaption')).toBe(
      (yearEnd.entityHistory ?? []).map((h) => `${h.period === '31/12' ? '2024' : h.period} ${formatPercent(h.score, 'it', 1)}`).join(' → '));
    expect(await page.textContent('#at-risk')).toBe('Indicatori a rischio (stima a fine anno sotto il target): 0');
    await expectLines(page, summarize(yearEnd));

    await page.selectOption('#period', '30/06');
    await expect.poll(() => page.textContent('#period-scored')).toBe('Periodo valutato: 30/06, al 30/06/2024');
    expect(await page.inputValue('#period')).toBe('30/06');
    expect(await page.textContent('#entity-score')).toBe(formatPercent(midYear.entity.score, 'it'));
    const atRisk = midYear.indicators.filter((i) => i.projection?.atRisk).length;
    expect(atRisk).toBeGreaterThan(0);
    expect(await page.textContent('#at-risk')).toBe(`Indicatori a rischio (stima a fine anno sotto il target): ${atRisk}`);
    // At 30/06 the watchlist has an indicator at risk ahead of one not met, so its order is put to the test.
    const watch = summarize(midYear).watchlist ?? [];
    expect(watch.length).toBeGreaterThan(1);
    expect(watch[0].atRisk && !watch[watch.length - 1].atRisk).toBe(true);
    await expectLines(page, summarize(midYear));
    // The workbook holds the scores at 30/06; the inputs (the 30/06 actuals among them) are untouched.
    const indicatori = await workbook<unknown[][]>("wb.sheet('Indicatori').table()");
    const header = indicatori[0] as string[];
    const scoreCol = header.indexOf('Punteggio');
    for (const ind of midYear.indicators) expect(indicatori[ind.row][scoreCol], ind.code).toBe(ind.score ?? '');
    const inputWidth = (plan.sheets.Indicatori[0] as unknown[]).length;
    plan.sheets.Indicatori.forEach((row, r) => expect(indicatori[r].slice(0, inputWidth).map((v) => v ?? ''), `row ${r}`).toEqual(row.map((v) => v ?? '')));
    // "Calcola punteggi" keeps the period picked.
    await page.getByRole('button', { name: 'Calcola punteggi' }).click();
    await expect.poll(() => page.textContent('#status')).toContain('Punteggi calcolati');
    expect(await page.textContent('#period-scored')).toBe('Periodo valutato: 30/06, al 30/06/2024');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('#monitoring').screenshot({ path: join(artifactsDir(), 'taskpane-periods.png') });
    await page.screenshot({ path: join(artifactsDir(), 'taskpane-periods-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  });

  it('lists people with totals and bands, and shows one card only when asked, from the last scoring', async () => {
    const plan = monitoredPlan();
    const { page, errors, workbook } = await openPane('monitored');
    await page.getByRole('button', { name: 'Calcola punteggi' }).click();
    await page.locator('#period').waitFor();
    await page.selectOption('#period', '30/06');
    await expect.poll(() => page.textContent('#period-scored')).toContain('30/06');
    const people = scorePlan(plan, { period: '30/06' }).people?.people ?? [];
    const rows = await page.locator('#people tbody tr:not(.card-row)').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(people.map((p) => [p.name, p.role, formatPercent(p.total, 'it'), p.band ?? '—']));
    // Nothing beyond names and totals is in the page until a card is opened.
    expect(await page.locator('.person-card').count()).toBe(0);
    const person = people[1];
    const assignmentLine = (a: (typeof person.assignments)[number]) => `${a.code} ${a.title}: ${formatPercent(a.score, 'it')}`;
    expect(person.assignments.length).toBeGreaterThan(0);
    expect(await page.textContent('body')).not.toContain(assignmentLine(person.assignments[0]));

    const syncs = await workbook<number>('wb.syncs');
    const toggle = page.getByRole('button', { name: person.name, exact: true });
    await toggle.click();
    const card = page.locator('.person-card');
    await card.waitFor();
    // From the scoring in memory: opening it sent no request to the workbook.
    expect(await workbook<number>('wb.syncs')).toBe(syncs);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const text = await card.textContent();
    expect(text).toContain(`Valutatore${person.evaluator || '—'}`);
    expect(text).toContain(`Totale${formatPercent(person.total, 'it')}`);
    expect(text).toContain(`Risultati${formatPercent(person.results, 'it')}`);
    for (const a of person.assignments) expect(text).toContain(assignmentLine(a));
    for (const b of person.behaviourRatings) expect(text).toContain(`${b.name}: `);
    expect(await page.locator('.person-card').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir(), 'taskpane-people.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Closed, it leaves the page.
    await toggle.click();
    await expect.poll(() => page.locator('.person-card').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the ribbon\'s "Calcola schede" writes the Schede individuali sheet with its marker, and the pane lists the people', async () => {
    const plan = ownersPlan();
    const { page, errors, workbook } = await openPane('owners');
    const run = (action: string) => page.evaluate(async (name) => {
      const actions = (window as unknown as { __actions: Map<string, (e: { completed(): void }) => Promise<void>> }).__actions;
      let done = false;
      await actions.get(name)?.({ completed: () => (done = true) });
      return done;
    }, action);
    expect(await run('scorePlan')).toBe(true);
    expect(await workbook<string[]>('wb.sheets.map((s) => s.name)')).not.toContain('Schede individuali');
    expect(await run('scorePeople')).toBe(true);
    const expected = scorePlan(plan, { people: true, workbook: Object.keys(plan.sheets).map((name) => ({ name, owner: null })) });
    const write = expected.writePlan.sheets.find((s) => s.owner === 'people');
    expect(write?.sheet).toBe('Schede individuali');
    const marker = await workbook<{ formula: string; visible: boolean } | undefined>("wb.sheet('Schede individuali').names.get('cruscotto_output')");
    expect(marker).toMatchObject({ formula: '="people"', visible: false });
    const table = await workbook<unknown[][]>("wb.sheet('Schede individuali').table()");
    for (const block of write?.blocks ?? []) {
      block.values.forEach((row, i) => row.forEach((v, j) => expect(table[block.row + i]?.[block.col + j] ?? '', `r${block.row + i} c${block.col + j}`).toEqual(v ?? '')));
    }
    expect(await page.textContent('#status')).toBe('Schede individuali calcolate e scritte nel foglio.');
    expect(await page.locator('#people button.person').allTextContents()).toEqual(expected.people?.people.map((p) => p.name));
    expect(await workbook<string[]>('__dialogs')).toEqual([]);
    expect(errors).toEqual([]);
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
