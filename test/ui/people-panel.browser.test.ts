/**
 * The pane's schede section in Debian's Chromium, at the 320 px of a task pane: no name in the page until
 * "Calcola schede" is pressed, a card only when a name is pressed, nothing left after "Nascondi"; a failing
 * host says so in the pane. The section is bundled alone (esbuild) with the example's people as the host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { formatPercent, scorePlan, type PlanInput } from '../../src/core/index.js';
import { scorePeople } from '../../src/core/people.js';
import { artifactsDir, launchChromium } from '../support/browser.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
const people = scorePeople(pira, scorePlan(pira), 'it').people;

let browser: Browser;
let script: string;

beforeAll(async () => {
  const entry = `
    import { mountPeople } from ${JSON.stringify(new URL('../../src/ui/people-panel.ts', import.meta.url).pathname)};
    window.loads = 0;
    window.mount = (lang, fail) => mountPeople(document.getElementById('root'), lang, () => {
      window.loads++;
      return fail ? Promise.reject(new Error('Excel non risponde')) : Promise.resolve(window.PEOPLE);
    });`;
  const bundle = await build({ stdin: { contents: entry, loader: 'ts', resolveDir: process.cwd() }, bundle: true, write: false, format: 'iife', target: 'es2020' });
  script = bundle.outputFiles[0].text;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(lang: 'it' | 'en', fail = false): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
  await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
  await page.evaluate((data) => { (window as unknown as { PEOPLE: unknown }).PEOPLE = data; }, people);
  await page.addScriptTag({ content: script });
  await page.evaluate(([l, f]) => (window as unknown as { mount: (lang: string, fail: boolean) => void }).mount(l as string, f as boolean), [lang, fail]);
  return page;
}

describe('schede in the pane', () => {
  it('shows names only on request, a card only when asked, and nothing after Nascondi', async () => {
    const page = await open('it');
    const text = () => page.evaluate(() => document.body.textContent ?? '');
    expect(await text()).not.toContain('Giulia Neri');
    expect(await page.evaluate(() => (window as unknown as { loads: number }).loads)).toBe(0);

    await page.getByRole('button', { name: 'Calcola schede' }).click();
    await page.getByText('9 persone').waitFor();
    const rows = await page.locator('tbody tr:not(.card-row)').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rows).toEqual(people.map((p) => [p.name, p.role, formatPercent(p.total, 'it'), p.band]));
    // Totals, but no card yet: the components of anyone are not in the page.
    expect(await page.locator('.person-card').count()).toBe(0);

    const giulia = people.find((p) => p.name === 'Giulia Neri');
    const toggle = page.getByRole('button', { name: 'Giulia Neri' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const cardText = await page.locator('.person-card').textContent();
    expect(cardText).toContain('Laura Bianchi');
    expect(cardText).toContain(formatPercent(giulia?.behaviours ?? null, 'it'));
    expect(cardText).toContain('1.3 Capacità di coinvolgimento');
    expect(await page.locator('.person-card').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir(), 'pannello-schede.png'), fullPage: true });

    await toggle.click();
    expect(await page.locator('.person-card').count()).toBe(0);
    await page.getByRole('button', { name: 'Nascondi' }).click();
    expect(await text()).not.toContain('Giulia Neri');
    expect(await page.getByRole('button', { name: 'Nascondi' }).isHidden()).toBe(true);
    await page.close();
  });

  it('says in English when the host fails, and the button works again', async () => {
    const page = await open('en', true);
    await page.getByRole('button', { name: 'Score people' }).click();
    await page.getByText('Failed: Excel non risponde').waitFor();
    expect(await page.locator('.status').getAttribute('data-kind')).toBe('error');
    expect(await page.getByRole('button', { name: 'Score people' }).isEnabled()).toBe(true);
    await page.close();
  });
});
