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

describe('Sheets sidebar in Chromium', () => {
  it('mounts the shared pane and talks to the server through google.script.run', async () => {
    const summary = summarize(scorePlan(pira));
    const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    // Served by the route itself from 127.0.0.1; any other request is refused.
    const html = readFileSync(SIDEBAR, 'utf8');
    await page.route('**/*', (route) => (route.request().url() === 'http://127.0.0.1/Sidebar.html'
      ? route.fulfill({ contentType: 'text/html', body: html })
      : route.abort()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The stub answers each server function the sidebar calls, asynchronously as Apps Script does.
    await page.addInitScript((answers) => {
      const calls: unknown[][] = [];
      (window as unknown as { __calls: unknown[][] }).__calls = calls;
      const runner = (ok?: (v: unknown) => void) => new Proxy({}, {
        get: (_, name: string) => {
          if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f);
          if (name === 'withFailureHandler') return () => runner(ok);
          return (...args: unknown[]) => {
            calls.push([name, ...args]);
            setTimeout(() => ok?.((answers as Record<string, unknown>)[name] ?? null), 5);
          };
        },
      });
      (window as unknown as { google: unknown }).google = { script: { get run() { return runner(); } } };
    }, { sidebarLang: 'it', sidebarLoadSettings: { year: 2024, method: 'linear' }, sidebarScore: summary });
    await page.goto('http://127.0.0.1/Sidebar.html');
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
});
