/**
 * The report as a person reads it: Debian's Chromium lays it out at 1280 px and prints it to A4. Headers
 * never break inside a word, targets never inside a token, no cell overflows, every printed page has its
 * number, no heading is left alone at the bottom of a page, and no page but the last is nearly empty.
 * Pages 1-3 of the PDF go to test/artifacts/ as pictures (poppler's pdftoppm, as CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { resultJson, scorePlan, type PlanInput } from '../../src/core/index.js';
import { renderReport } from '../../src/report/html.js';
import { monitoredPlan } from './monitored.js';
import { diffPlans, renderDiff } from '../../src/report/diff.js';
import { artifactsDir, launchChromium } from '../support/browser.js';
import { plainExample } from '../fixtures/plain-example.js';

// The example's year-end plan as a workbook without periods (its monitoring columns are tested apart).
const pira = plainExample();

/** The example with an entity name and one area with its own target, as the reviewer had it. */
function reviewedPlan(): PlanInput {
  const plan = structuredClone(pira);
  plan.sheets.Impostazioni.push(['ente', 'Camera di commercio della Maremma e del Tirreno']);
  plan.sheets.Obiettivi = plan.sheets.Obiettivi.map((row, r) => [...row, r === 0 ? 'Target' : row[0] === '011' ? '80%' : null]);
  return plan;
}

/**
 * Many short sections: with 1 to 4 indicators an objective, a heading falls near the bottom of almost
 * every page; `shift` moves the section lengths, so four shifts put headings at many page positions.
 */
function manyHeadings(shift = 0, monitored = false): PlanInput {
  const objectives: PlanInput['sheets'][string] = [['Codice', 'Titolo', 'Padre', 'Peso']];
  const indicators: PlanInput['sheets'][string] = [['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo']];
  for (let a = 1; a <= 4; a++) {
    objectives.push([`A${a}`, `Area strategica ${a}`, null, null]);
    for (let o = 1; o <= 8; o++) {
      objectives.push([`A${a}.${o}`, `Obiettivo strategico ${a}.${o} per la qualità dei servizi`, `A${a}`, null]);
      const n = 1 + ((a * 8 + o + shift) % 4);
      for (let i = 1; i <= n; i++) indicators.push([`A${a}.${o}.${i}`, `Indicatore ${i} dell'obiettivo ${a}.${o}`, `A${a}.${o}`, null, '>= 10', (a + o + i) % 12]);
    }
  }
  // Monitored: a 30/06 column (half the year's figure, so about half the counts are at risk), scored at 30/06.
  if (monitored) indicators.forEach((row, r) => row.push(r === 0 ? 'Consuntivo 30/06' : Math.floor((row[5] as number) / 2)));
  const settings = [['ente', 'Comune di Prova'], ...(monitored ? [['anno', 2024], ['periodo', '30/06']] : [])];
  return { sheets: { Obiettivi: objectives, Indicatori: indicators, Impostazioni: settings } };
}

let browser: Browser;
let html: string;
const dir = artifactsDir();

beforeAll(async () => {
  browser = await launchChromium();
  html = renderReport(scorePlan(reviewedPlan()), { lang: 'it', sourceName: 'pira-2024.xlsx' });
  writeFileSync(join(dir, 'relazione.html'), html);
});
afterAll(async () => {
  await browser?.close();
});

/** Layout faults of the page as it stands: words of headers on two lines, tokens of targets split, overflow. */
async function layoutFaults(page: Page): Promise<{ headers: number; split: string[]; overflow: string[]; lines: string[] }> {
  return page.evaluate(() => {
    const lineCount = (range: Range) => new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    /** Words (or tokens) of an element whose glyphs sit on more than one line. */
    const splitWords = (el: Element): string[] => {
      const out: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          if (lineCount(range) > 1) out.push(m[0]);
        }
      }
      return out;
    };
    const headers = Array.from(document.querySelectorAll('th'));
    const split: string[] = [];
    const lines: string[] = [];
    for (const th of headers) {
      split.push(...splitWords(th).map((w) => `th "${th.textContent}": ${w}`));
      const range = document.createRange();
      range.selectNodeContents(th);
      const words = (th.textContent ?? '').trim().split(/\s+/).length;
      if (lineCount(range) > words) lines.push(`th "${th.textContent}": ${lineCount(range)} lines for ${words} words`);
    }
    for (const td of Array.from(document.querySelectorAll('td.t'))) split.push(...splitWords(td).map((w) => `target "${td.textContent}": ${w}`));
    const overflow: string[] = [];
    for (const el of Array.from(document.querySelectorAll('td, th'))) {
      if (el.scrollWidth > el.clientWidth + 1) overflow.push(`${el.tagName} "${el.textContent}" ${el.scrollWidth} > ${el.clientWidth}`);
    }
    for (const el of Array.from(document.querySelectorAll('table, svg, figure, h1, h2, h3, summary'))) {
      const box = el.getBoundingClientRect();
      const parent = (el.parentElement as HTMLElement).getBoundingClientRect();
      if (box.right > parent.right + 1 || box.right > document.documentElement.clientWidth + 1) overflow.push(`${el.tagName} right ${Math.round(box.right)} > ${Math.round(parent.right)}`);
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) overflow.push(`page ${document.documentElement.scrollWidth}`);
    return { headers: headers.length, split, overflow, lines };
  });
}

interface PdfWord { text: string; x: number; y: number; bottom: number }
interface PdfPage { width: number; height: number; words: PdfWord[] }

/** Words and their boxes, page by page, read by poppler's pdftotext. */
function pdfPages(file: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
  return xml.split('<page ').slice(1).map((chunk) => ({
    width: Number(/width="([\d.]+)"/.exec(chunk)?.[1]),
    height: Number(/height="([\d.]+)"/.exec(chunk)?.[1]),
    words: [...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), bottom: Number(m[3]), text: decode(m[4]) })),
  }));
}

/** Lines of a page (words grouped by their top), top to bottom, without the running footer. */
function pageLines(page: PdfPage, footerTop: number): { y: number; bottom: number; text: string }[] {
  const lines = new Map<number, PdfWord[]>();
  for (const w of page.words) {
    if (w.y >= footerTop) continue;
    const key = [...lines.keys()].find((y) => Math.abs(y - w.y) < 2) ?? w.y;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0])
    .map(([y, words]) => ({ y, bottom: Math.max(...words.map((w) => w.bottom)), text: words.sort((a, b) => a.x - b.x).map((w) => w.text).join(' ') }));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Prints a report to A4 and checks its pages: the footer, headings left alone, nearly empty pages. A monitored
 * report asks for landscape pages (its own @page rule): laid out at that width, and its pages checked to be so.
 */
async function printAndCheck(report: string, name: string, entity: string, landscape = false): Promise<{ file: string; pages: number }> {
  // A4 minus the 12 mm side margins of the @page rule, at 96 px per inch.
  const printable = Math.floor((((landscape ? 297 : 210) - 24) / 25.4) * 96);
  const page = await browser.newPage({ viewport: { width: printable, height: 1000 } });
  await page.setContent(report, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const faults = await layoutFaults(page);
  expect(faults.split).toEqual([]);
  expect(faults.lines).toEqual([]);
  expect(faults.overflow).toEqual([]);
  const headings = await page.evaluate(() => Array.from(document.querySelectorAll('h1, h2, h3, h4, summary'))
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()));

  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.close();
  const pages = pdfPages(file);
  for (const p of pages) expect(p.width > p.height).toBe(landscape);

  // The footer sits in the 16 mm bottom margin: "Pagina n di N" on every page, and the entity.
  const footerTop = pages[0].height - (16 / 25.4) * 72;
  pages.forEach((p, n) => {
    const footer = squash(p.words.filter((w) => w.y >= footerTop).map((w) => w.text).join(' '));
    expect(footer).toContain(`Pagina ${n + 1} di ${pages.length}`);
    expect(footer).toContain(entity);
  });

  const alone: string[] = [];
  const empty: string[] = [];
  pages.slice(0, -1).forEach((p, n) => {
    const lines = pageLines(p, footerTop);
    // The last lines of the page, however many, must not be just the beginning of a heading.
    for (let k = lines.length - 1; k >= Math.max(0, lines.length - 4); k--) {
      const tail = squash(lines.slice(k).map((l) => l.text).join(' '));
      const heading = headings.find((h) => h.startsWith(tail));
      if (heading) {
        alone.push(`page ${n + 1}: "${heading}"`);
        break;
      }
    }
    const bottom = Math.max(...lines.map((l) => l.bottom));
    if (bottom < p.height * 0.5) empty.push(`page ${n + 1} filled to ${Math.round((bottom / p.height) * 100)}%`);
  });
  expect(alone).toEqual([]);
  expect(empty).toEqual([]);
  return { file, pages: pages.length };
}

describe('report rendering in Chromium', () => {
  it('uses the width of a 1280 px window with no header broken inside a word and no overflow', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(html, { waitUntil: 'load' });
    const faults = await layoutFaults(page);
    expect(faults.headers).toBeGreaterThan(100);
    expect(faults.split).toEqual([]);
    expect(faults.lines).toEqual([]);
    expect(faults.overflow).toEqual([]);
    const widths = await page.evaluate(() => Array.from(document.querySelectorAll('table.indicators, table.strategic')).map((t) => t.getBoundingClientRect().width));
    expect(Math.min(...widths)).toBeGreaterThan(1150);
    await page.screenshot({ path: join(dir, 'relazione-1280.png') });
    await page.close();
  });

  it('prints to A4 with page numbers, no heading alone at a page bottom and no nearly empty page', async () => {
    const { file, pages } = await printAndCheck(html, 'relazione', 'Camera di commercio della Maremma e del Tirreno');
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(16);

    // Pages 1-3 as pictures.
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '3', file, join(dir, 'relazione-pagina')]);
    const pad = String(pages).length;
    for (let n = 1; n <= 3; n++) {
      const from = join(dir, `relazione-pagina-${String(n).padStart(pad, '0')}.png`);
      const to = join(dir, `relazione-pagina-${n}.png`);
      if (from !== to) renameSync(from, to);
      expect(readFileSync(to).length).toBeGreaterThan(10_000);
    }
  });

  it('lays out the English report as cleanly, on screen and in print', async () => {
    const english = renderReport(scorePlan(reviewedPlan()), { lang: 'en', sourceName: 'pira-2024.xlsx' });
    const printable = Math.floor(((210 - 24) / 25.4) * 96);
    for (const [width, media] of [[1280, 'screen'], [printable, 'print']] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.setContent(english, { waitUntil: 'load' });
      await page.emulateMedia({ media });
      const faults = await layoutFaults(page);
      expect(faults.headers).toBeGreaterThan(100);
      expect([...faults.split, ...faults.lines, ...faults.overflow]).toEqual([]);
      await page.close();
    }
  });

  it('lays out the diff page with whole headers and no overflow, on screen and on landscape A4', async () => {
    const before = reviewedPlan();
    const after = structuredClone(before);
    const indicators = after.sheets.Indicatori;
    indicators[1][9] = 30;
    indicators[2][3] = '14,2858%';
    after.sheets.Indicatori = [...indicators.slice(0, 5), ...indicators.slice(6), ['99.1', 'Nuovo indicatore di prova', '1', '10%', null, '>= 5', null, null, null, 4]];
    const diff = diffPlans({ input: before, result: scorePlan(before), name: 'pira-2024-prima.xlsx' }, { input: after, result: scorePlan(after), name: 'pira-2024-dopo.xlsx' });
    expect(diff.changed.length).toBeGreaterThanOrEqual(2);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Landscape A4 less 12 mm margins, at 96 px per inch.
    for (const width of [1280, Math.floor(((297 - 24) / 25.4) * 96)]) {
      await page.setViewportSize({ width, height: 900 });
      await page.setContent(renderDiff(diff, 'it'), { waitUntil: 'load' });
      const faults = await layoutFaults(page);
      expect(faults.headers).toBeGreaterThanOrEqual(14);
      expect([...faults.split, ...faults.lines, ...faults.overflow]).toEqual([]);
    }
    await page.screenshot({ path: join(dir, 'differenze.png'), fullPage: true });
    await page.close();
  });

  it('keeps every heading with what follows it in a report of many short sections', async () => {
    for (const shift of [0, 1, 2, 3]) {
      const many = renderReport(scorePlan(manyHeadings(shift)), { lang: 'it' });
      const { pages } = await printAndCheck(many, `relazione-sezioni-${shift}`, 'Comune di Prova');
      expect(pages).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps every heading with what follows it in a monitoring report of many short sections, on landscape pages', async () => {
    for (const shift of [0, 1, 2, 3]) {
      const result = scorePlan(manyHeadings(shift, true));
      expect(result.period?.key).toBe('30/06');
      const many = renderReport(result, { lang: 'it' });
      expect(many.match(/class="sparkline"/g)?.length).toBeGreaterThan(result.indicators.length);
      const { pages } = await printAndCheck(many, `monitoraggio-sezioni-${shift}`, 'Comune di Prova', true);
      expect(pages).toBeGreaterThanOrEqual(4);
    }
  });
});

/** What a reader sees in each indicator row of the monitored report, read from the laid-out page. */
interface SeenRow {
  code: string;
  header: string;
  achievement: string;
  sparklines: number;
  sparklineWidth: number;
  points: number;
  baselinePoints: number;
  gap: string;
  gapColor: string;
  status: string;
  risk: boolean;
}

describe('the monitoring report at 30/06 in Chromium', () => {
  const result = scorePlan(monitoredPlan('30/06'));
  const json = resultJson(result);
  const entity = 'Camera di commercio della Maremma e del Tirreno';
  const report = renderReport(result, { lang: 'it', sourceName: 'pira-2024-monitoraggio.xlsx' });

  it('shows per indicator the sparkline, the avanzamento, the a-rischio flag and the gap sign the JSON has', async () => {
    expect(json.period).toMatchObject({ key: '30/06', yearEnd: false });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(report, { waitUntil: 'load' });
    const faults = await layoutFaults(page);
    expect([...faults.split, ...faults.lines, ...faults.overflow]).toEqual([]);
    expect(await page.title()).toBe(`${entity} — Monitoraggio al 30/06/2024`);
    const rows: SeenRow[] = await page.evaluate(() => Array.from(document.querySelectorAll('table.indicators')).flatMap((table) => {
      const headers = Array.from(table.querySelectorAll('thead th')).map((th) => (th.textContent ?? '').trim());
      return Array.from(table.querySelectorAll('tbody tr:not(.note)')).map((tr) => {
        const cells = Array.from(tr.children) as HTMLElement[];
        const at = (name: string) => cells[headers.indexOf(name)];
        const svg = at('Andamento').querySelector('svg.sparkline');
        return {
          code: cells[0].textContent ?? '',
          header: headers[5],
          achievement: cells[5].innerText,
          sparklines: tr.querySelectorAll('svg.sparkline').length,
          sparklineWidth: svg ? svg.getBoundingClientRect().width : 0,
          points: svg ? svg.querySelectorAll('circle').length : 0,
          baselinePoints: svg ? svg.querySelectorAll('circle[fill="#9CA3AF"]').length : 0,
          gap: at('Scostamento').innerText.trim(),
          gapColor: getComputedStyle(at('Scostamento')).color,
          status: at('Stato').innerText,
          risk: at('Stato').querySelector('.risk') !== null,
        };
      });
    }));
    await page.screenshot({ path: join(dir, 'monitoraggio-30-06.png'), fullPage: true });
    await page.close();

    expect(rows.map((r) => r.code)).toEqual(json.indicators.map((i) => i.code));
    const shown = new Set(['31/03', '30/06']);
    rows.forEach((row, n) => {
      const ind = json.indicators[n];
      const history = ind.history ?? [];
      // One sparkline per row with a period to draw; a point per period up to 30/06 with a score, and last year's.
      const scored = history.filter((h) => !h.baseline && shown.has(h.period) && h.score !== null).length;
      const baseline = history.filter((h) => h.baseline).length;
      expect([ind.code, row.sparklines]).toEqual([ind.code, history.some((h) => !h.baseline) ? 1 : 0]);
      expect([ind.code, row.points, row.baselinePoints]).toEqual([ind.code, scored + baseline, baseline]);
      if (row.sparklines) expect(row.sparklineWidth).toBeGreaterThan(40);
      // Avanzamento where the JSON says progress: in the column's header or under the figure.
      const saysProgress = row.header === 'Avanzamento' || /\navanzamento$/.test(row.achievement);
      expect([ind.code, saysProgress]).toEqual([ind.code, ind.progress && ind.achievement !== null]);
      expect([ind.code, row.risk]).toEqual([ind.code, ind.projection?.atRisk ?? false]);
      expect([ind.code, /A rischio/.test(row.status)]).toEqual([ind.code, ind.projection?.atRisk ?? false]);
      if (ind.inProgress) expect(row.status).toBe('In corso');
      // The sign of the gap as written, and red for worse, green for better.
      const raw = ind.gap ?? null;
      const gap = raw === null ? null : Math.round(raw * (result.indicators[n].target?.kind === 'percent' ? 10_000 : 100)) / 100;
      const sign = gap === null ? '' : gap > 0 ? '+' : gap < 0 ? '-' : '0';
      expect([ind.code, row.gap.slice(0, 1)]).toEqual([ind.code, sign]);
      if (gap !== null && gap !== 0 && !ind.excluded) expect([ind.code, row.gapColor]).toEqual([ind.code, gap < 0 ? 'rgb(156, 0, 6)' : 'rgb(0, 97, 0)']);
    });
    // The example has every case: flags and none, progress and an interim target, better and worse.
    expect(rows.filter((r) => r.risk).length).toBeGreaterThanOrEqual(3);
    expect(json.indicators.filter((i) => i.projection && !i.projection.atRisk).length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.header === 'Avanzamento')).toBe(true);
    expect(rows.some((r) => r.header === 'Raggiungimento o avanzamento' && !/avanzamento$/.test(r.achievement))).toBe(true);
    expect(rows.some((r) => r.gap.startsWith('+')) && rows.some((r) => r.gap.startsWith('-'))).toBe(true);
  });

  it('prints to landscape A4 with page numbers, no heading alone at a page bottom and no nearly empty page', async () => {
    const { file, pages } = await printAndCheck(report, 'monitoraggio-30-06', entity, true);
    expect(pages).toBeGreaterThanOrEqual(5);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '3', file, join(dir, 'monitoraggio-30-06-pagina')]);
  });

  it('lays out the English report, the summarised one and the year end of the same workbook as cleanly', async () => {
    const english = renderReport(result, { lang: 'en' });
    expect(english).toContain('Monitoring at 30/06/2024');
    await printAndCheck(renderReport(result, { lang: 'it', complete: false }), 'monitoraggio-30-06-sintetica', entity, true);
    // At the year's end: no estimate column, the line through every period.
    const yearEnd = renderReport(scorePlan(monitoredPlan()), { lang: 'it' });
    expect(yearEnd).not.toContain('Stima a fine anno</th>');
    await printAndCheck(yearEnd, 'monitoraggio-fine-anno', entity, true);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(english, { waitUntil: 'load' });
    const faults = await layoutFaults(page);
    expect([...faults.split, ...faults.lines, ...faults.overflow]).toEqual([]);
    await page.close();
  });
});
