/**
 * The built Sheets sidebar (one HTML file, script and styles inlined) in Debian's Chromium, with a stub
 * google.script.run answering from the core: it mounts the shared pane, scores and shows the summary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { formatPercent, scorePlan, summarize, type PlanInput } from '../../src/core/index.js';
import { artifactsDir, launchChromium } from '../support/browser.js';
import { monitoredPlan } from '../addin/plans.js';
import { expectLines } from '../addin/monitoring-pane.js';

const SIDEBAR = new URL('../../dist/gas/Sidebar.html', import.meta.url).pathname;
const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(SIDEBAR)) throw new Error('dist/gas/Sidebar.html missing: run `npm run build` first');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * google.script.run as Apps Script gives it: each call answers later, through the success handler, or
 * through the failure handler for a name listed in `failing` (with that Error message).
 */
function stubScriptRun(answers: Record<string, unknown>) {
  const calls: unknown[][] = [];
  (window as unknown as { __calls: unknown[][] }).__calls = calls;
  const failing = (answers.__failing ?? {}) as Record<string, string>;
  // Answers that depend on the arguments: name -> JSON of the argument list -> answer.
  const byArgs = (answers.__byArgs ?? {}) as Record<string, Record<string, unknown>>;
  const runner = (ok?: (v: unknown) => void, ko?: (e: Error) => void): unknown => new Proxy({}, {
    get: (_, name: string) => {
      if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, ko);
      if (name === 'withFailureHandler') return (f: (e: Error) => void) => runner(ok, f);
      return (...args: unknown[]) => {
        calls.push([name, ...args]);
        const answer = name in byArgs ? byArgs[name][JSON.stringify(args)] : answers[name];
        setTimeout(() => (name in failing ? ko?.(new Error(failing[name])) : ok?.(answer ?? null)), 5);
      };
    },
  });
  (window as unknown as { google: unknown }).google = { script: { get run() { return runner(); } } };
}

/** The built sidebar, served by the route itself from 127.0.0.1; any other request is refused. */
async function openSidebar(answers: Record<string, unknown>) {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const html = readFileSync(SIDEBAR, 'utf8');
  await page.route('**/*', (route) => (route.request().url() === 'http://127.0.0.1/Sidebar.html'
    ? route.fulfill({ contentType: 'text/html', body: html })
    : route.abort()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(stubScriptRun, answers);
  await page.goto('http://127.0.0.1/Sidebar.html');
  return { page, errors };
}

describe('Sheets sidebar in Chromium', () => {
  it('mounts the shared pane and talks to the server through google.script.run', async () => {
    const summary = summarize(scorePlan(pira));
    // The stub answers each server function the sidebar calls, asynchronously as Apps Script does.
    const { page, errors } = await openSidebar({ sidebarLang: 'it', sidebarLoadSettings: { year: 2024, method: 'linear' }, sidebarScore: summary });
    await page.getByRole('button', { name: 'Calcola punteggi' }).click();
    await page.locator('#entity-score').waitFor();
    expect(await page.textContent('#entity-score')).toBe(formatPercent(summary.entity.score, 'it'));
    await page.locator('button.issue').first().click();
    const calls = await page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls);
    expect(calls.map((c) => c[0])).toEqual(['sidebarLang', 'sidebarLoadSettings', 'sidebarScore', 'sidebarSelectCell']);
    expect(calls[3]).toEqual(['sidebarSelectCell', summary.issues[0].sheet, summary.issues[0].cell]);
    expect(await page.inputValue('#year')).toBe('2024');
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(artifactsDir(), 'sidebar.png'), fullPage: true });
    await page.close();
  });

  it('offers the periods, scores again at the one picked, lists people and asks for one card at a time', async () => {
    const plan = monitoredPlan();
    const yearEnd = summarize(scorePlan(plan));
    const midYear = summarize(scorePlan(plan, { period: '30/06' }));
    const people = scorePlan(plan, { period: '30/06' }).people?.people ?? [];
    const person = people[2];
    const { page, errors } = await openSidebar({
      sidebarLang: 'it', sidebarLoadSettings: { year: 2024, method: 'linear' },
      __byArgs: {
        sidebarScore: { '[{}]': yearEnd, '[{"period":"30/06"}]': midYear },
        sidebarPerson: { [JSON.stringify([person.name, '30/06'])]: person },
      },
    });
    await page.getByRole('button', { name: 'Calcola punteggi' }).click();
    await page.locator('#period').waitFor();
    expect(await page.locator('#period option').allTextContents()).toEqual(['30/06 (al 30/06/2024)', 'Fine anno 2024 (al 31/12/2024)']);
    expect(await page.inputValue('#period')).toBe('31/12');
    await expectLines(page, yearEnd);
    await page.selectOption('#period', '30/06');
    await expect.poll(() => page.textContent('#period-scored')).toBe('Periodo valutato: 30/06, al 30/06/2024');
    expect(await page.textContent('#entity-score')).toBe(formatPercent(midYear.entity.score, 'it'));
    expect(await page.textContent('#at-risk')).toBe(`Indicatori a rischio (stima a fine anno sotto il target): ${midYear.atRiskCount}`);
    expect(await page.locator('#entity-trend svg').count()).toBe(1);
    await expectLines(page, midYear);
    // The 300 px sidebar holds the objective lines and the watchlist without a horizontal scroll.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('#monitoring').screenshot({ path: join(artifactsDir(), 'sidebar-periods.png') });

    expect(await page.locator('#people button.person').allTextContents()).toEqual(people.map((p) => p.name));
    expect(await page.locator('.person-card').count()).toBe(0);
    await page.getByRole('button', { name: person.name, exact: true }).click();
    await page.locator('.person-card').waitFor();
    const text = await page.textContent('.person-card');
    expect(text).toContain(`Totale${formatPercent(person.total, 'it')}`);
    for (const a of person.assignments) expect(text).toContain(`${a.code} ${a.title}: ${formatPercent(a.score, 'it')}`);
    const calls = await page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls);
    // The period reached the server as picked; the card was asked for once, for that person at that period.
    expect(calls.map((c) => JSON.stringify(c))).toEqual([
      '["sidebarLang"]', '["sidebarLoadSettings"]', '["sidebarScore",{}]', '["sidebarScore",{"period":"30/06"}]',
      JSON.stringify(['sidebarPerson', person.name, '30/06']),
    ]);
    await page.screenshot({ path: join(artifactsDir(), 'sidebar-people.png'), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // "Calcola schede" asks the server for the schede at the period on show.
    await page.getByRole('button', { name: 'Calcola schede' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls.length)).toBe(6);
    expect((await page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls))[5]).toEqual(['sidebarScore', { people: true, period: '30/06' }]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a card for someone no longer in the workbook says so, in English too', async () => {
    const summary = summarize(scorePlan(monitoredPlan()));
    const { page } = await openSidebar({ sidebarLang: 'en', sidebarLoadSettings: { year: 2024, method: 'linear' }, sidebarScore: summary, sidebarPerson: null });
    await page.getByRole('button', { name: 'Score plan' }).click();
    const name = summary.people?.[0].name as string;
    await page.getByRole('button', { name, exact: true }).click();
    await page.locator('#status[data-kind="error"]').waitFor();
    expect(await page.textContent('#status')).toBe(`${name} is no longer among the people scored: score again.`);
    expect(await page.locator('.person-card').count()).toBe(0);
    await page.close();
  });

  it('says why when it cannot start, instead of staying blank', async () => {
    const { page, errors } = await openSidebar({ __failing: { sidebarLang: 'Exception: Authorisation is required to perform that action.' } });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The language itself could not be asked for: both are shown.
    expect(await alert.textContent()).toMatch(/^Il pannello non si è aperto: Exception: Authorisation is required to perform that action\. Chiudilo e riaprilo.*\nThe panel could not open: /s);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a failed server call in the pane, in the user\'s language', async () => {
    const { page } = await openSidebar({
      sidebarLang: 'en', sidebarLoadSettings: { year: 2024, method: 'linear' },
      __failing: { sidebarScore: 'Someone else is scoring this spreadsheet right now. Try again in a few seconds.' },
    });
    await page.getByRole('button', { name: 'Score plan' }).click();
    await page.locator('#status[data-kind="error"]').waitFor();
    expect(await page.textContent('#status')).toBe('Failed: Someone else is scoring this spreadsheet right now. Try again in a few seconds.');
    await page.close();
  });
});
