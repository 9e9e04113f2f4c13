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
  const runner = (ok?: (v: unknown) => void, ko?: (e: Error) => void): unknown => new Proxy({}, {
    get: (_, name: string) => {
      if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, ko);
      if (name === 'withFailureHandler') return (f: (e: Error) => void) => runner(ok, f);
      return (...args: unknown[]) => {
        calls.push([name, ...args]);
        setTimeout(() => (name in failing ? ko?.(new Error(failing[name])) : ok?.(answers[name] ?? null)), 5);
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
