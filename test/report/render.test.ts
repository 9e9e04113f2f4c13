/**
 * The report as a person prints it: headless Chromium prints it to A4 PDF and a picture of page 1 goes
 * to test/artifacts/. No table may be wider than the printable page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { scorePlan, type PlanInput } from '../../src/core/index.js';
import { renderReport } from '../../src/report/html.js';
import { artifactsDir, launchChromium } from '../support/browser.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages in a PDF: its /Type /Page objects (not the /Pages tree nodes). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('report rendering in Chromium', () => {
  it('prints to A4 with every section on its own page and no table cut at the edge', async () => {
    const result = scorePlan(pira);
    const html = renderReport(result, { lang: 'it', sourceName: 'pira-2024.xlsx' });
    const dir = artifactsDir();
    writeFileSync(join(dir, 'relazione.html'), html);
    // A4 minus the 12 mm side margins of the @page rule, at 96 px per inch.
    const printable = Math.floor(((210 - 24) / 25.4) * 96);
    const page = await browser.newPage({ viewport: { width: printable, height: 1000 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });

    const overflow = await page.evaluate((width) => {
      const bad: string[] = [];
      for (const el of Array.from(document.querySelectorAll('table, svg, figure, h1, h2, h3'))) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 || box.left < -1) bad.push(`${el.tagName} ${Math.round(box.left)}..${Math.round(box.right)}`);
        if (el.tagName === 'TABLE' && el.scrollWidth > el.clientWidth + 1) bad.push(`TABLE scroll ${el.scrollWidth} > ${el.clientWidth}`);
      }
      return bad;
    }, printable);
    expect(overflow).toEqual([]);

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    writeFileSync(join(dir, 'relazione.pdf'), pdf);
    const pages = pdfPageCount(pdf);
    // Five sections, each starting a page; the tree of 58 indicators takes several more.
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(20);

    // Page 1 as printed: the print layout at A4 proportions.
    await page.setViewportSize({ width: 794, height: 1123 });
    const png = await page.screenshot({ path: join(dir, 'relazione-pagina-1.png'), clip: { x: 0, y: 0, width: 794, height: 1123 } });
    expect(png.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
