/**
 * The schede as a person reads them: Debian's Chromium prints the bundled example's schede to A4, one page
 * per person, each page with that person's name, their total and the two signature lines, and nothing
 * overflowing. Page 1 goes to test/artifacts/ as a picture (poppler's pdftoppm, as CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { formatPercent, scorePlan, type PlanInput } from '../../src/core/index.js';
import { scorePeople } from '../../src/core/people.js';
import { renderSchede } from '../../src/report/schede.js';
import { artifactsDir, launchChromium } from '../support/browser.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
const result = scorePlan(pira);
const people = scorePeople(pira, result, 'it');

describe('schede as HTML', () => {
  const html = renderSchede(people, result, { lang: 'it', sourceName: 'pira-2024.xlsx' });

  it('one section per person, in the order of the workbook', () => {
    const names = [...html.matchAll(/<section class="scheda" data-person="([^"]*)">/g)].map((m) => m[1]);
    expect(names).toEqual(people.people.map((p) => p.name));
    expect(names).toHaveLength(9);
  });

  it('a person\'s scheda shows assignments, behaviours, composition, total, band and signature lines', () => {
    const giulia = html.split('<section').find((s) => s.includes('data-person="Giulia Neri"')) as string;
    const p = people.people.find((x) => x.name === 'Giulia Neri');
    expect(giulia).toContain('Laura Bianchi');
    // Indicators 1.1 and 1.3 with their scores, behaviours rated on the 1-5 scale.
    expect(giulia).toMatch(/<td>1\.1<\/td><td>Azioni di diffusione[^<]*<\/td><td>indicatore<\/td><td class="n">50,00%<\/td><td class="n">100,00%<\/td>/);
    expect(giulia).toContain('<td class="n">90,63%</td>');
    expect(giulia).toContain('5 su 5');
    expect(giulia).toContain(`<td class="n">${formatPercent(p?.total ?? null, 'it')}</td>`);
    expect(giulia).toContain('Fascia 1');
    expect(giulia).toContain('Il valutatore (Laura Bianchi)');
    expect(giulia).toContain('Il valutato, per presa visione (Giulia Neri)');
    expect(giulia).not.toContain('Marco Verdi');
  });

  it('escapes names and speaks English on request', () => {
    const tricky = structuredClone(pira);
    tricky.sheets.Assegnazioni.push(['<b>Ugo</b> & "C"', 'dipendente', '1.1', '100%', 'Laura Bianchi', null]);
    const r = scorePlan(tricky);
    const en = renderSchede(scorePeople(tricky, r, 'en'), r, { lang: 'en' });
    expect(en).toContain('&lt;b&gt;Ugo&lt;/b&gt; &amp; &quot;C&quot;');
    expect(en).not.toContain('<b>Ugo</b>');
    expect(en).toContain('Individual performance scorecard');
    expect(en).toContain('The person evaluated, for acknowledgement');
    expect(en).not.toContain('Valutatore');
  });
});

describe('schede in Chromium', () => {
  let browser: Browser;
  const dir = artifactsDir();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('print to one A4 page per person, each with its own name, total and signature lines', async () => {
    const html = renderSchede(people, result, { lang: 'it', sourceName: 'pira-2024.xlsx' });
    writeFileSync(join(dir, 'schede.html'), html);
    // A4 less the 14 mm side margins, at 96 px per inch.
    const page = await browser.newPage({ viewport: { width: Math.floor(((210 - 28) / 25.4) * 96), height: 1000 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => Array.from(document.querySelectorAll('td, th, table, .signatures'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    expect(overflow).toEqual([]);
    const file = join(dir, 'schede.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(people.people.length);
    pages.forEach((pageText, n) => {
      const p = people.people[n];
      expect(pageText).toContain(p.name);
      expect(pageText).toContain(formatPercent(p.total, 'it'));
      expect(pageText).toContain('Il valutatore');
      expect(pageText).toContain('Il valutato, per presa visione');
      expect(pageText).toContain(`Pagina ${n + 1} di ${pages.length}`);
      // Nobody else's scheda spills onto this page.
      for (const other of people.people) if (other.name !== p.name && !p.evaluator.includes(other.name)) expect(pageText).not.toContain(`(${other.name})`);
    });

    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'scheda-pagina-1')]);
    expect(readFileSync(join(dir, 'scheda-pagina-1.png')).length).toBeGreaterThan(10_000);
  });

  it.each([
    // assignments with two-line titles, behaviours: compact and dense settings keep one page
    [6, 2], [11, 4], [20, 6], [40, 8],
  ])('a scheda with %i long assignments and %i behaviours fits one page', async (n, b) => {
    const title = (i: number) => `Grado di soddisfazione degli utenti che accedono ai servizi della Biblioteca Storica, rilevazione ${i}`;
    const input: PlanInput = {
      sheets: {
        Obiettivi: [['Codice', 'Titolo'], ['A', 'Area A']],
        Indicatori: [['Codice', 'Indicatore', 'Obiettivo', 'Target', 'Consuntivo'], ...Array.from({ length: n }, (_, i) => [`A.${i}`, title(i), 'A', '>= 10', 9])],
        Assegnazioni: [['Persona', 'Codice'], ...Array.from({ length: n }, (_, i) => ['Uno', `A.${i}`])],
        Comportamenti: [['Persona', 'Comportamento', 'Valutazione'], ...Array.from({ length: b }, (_, i) => ['Uno', `Comportamento organizzativo ${i}`, 4])],
      },
    };
    const scored = scorePlan(input);
    const page = await browser.newPage();
    await page.setContent(renderSchede(scorePeople(input, scored, 'it'), scored, { lang: 'it' }), { waitUntil: 'load' });
    const file = join(dir, `scheda-${n}.pdf`);
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(`rilevazione ${n - 1}`);
    expect(pages[0]).toContain('Il valutato, per presa visione');
  });

  it('short schede still take a page each', async () => {
    const input: PlanInput = {
      sheets: {
        Obiettivi: [['Codice', 'Titolo'], ['A', 'Area A']],
        Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['A.1', 'A', '>= 10', 9]],
        Assegnazioni: [['Persona', 'Codice'], ['Uno', 'A'], ['Due', 'A.1'], ['Tre', 'A']],
      },
    };
    const scored = scorePlan(input);
    const page = await browser.newPage();
    await page.setContent(renderSchede(scorePeople(input, scored, 'it'), scored, { lang: 'it' }), { waitUntil: 'load' });
    const file = join(dir, 'schede-brevi.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
    expect(pages.map((p) => /Valutato\s+(\S+)/.exec(p)?.[1])).toEqual(['Uno', 'Due', 'Tre']);
  });
});
