/**
 * The report at scale: 10k and 100k indicators, rendered and opened from a file in Chromium. Timings are
 * reported (console and test/artifacts/report-scale.json), never asserted; what is asserted is what makes
 * them small: a summarised 100k report lists every exception and no other indicator row, in sections
 * that open closed (Chromium lays them out only when opened).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { scorePlan, type CellValue, type PlanInput, type ScoreResult } from '../../src/core/index.js';
import { renderReport } from '../../src/report/html.js';
import { artifactsDir, launchChromium } from '../support/browser.js';

/**
 * 10 areas x 10 strategic x 10 operational objectives, indicators spread evenly under the operational
 * ones. About 85% met, 8% partly, 3% not met, 2% overridden, 2% excluded: a plausible year.
 */
function bigPlan(indicatorCount: number): PlanInput {
  const objectives: CellValue[][] = [['Codice', 'Titolo', 'Padre', 'Peso']];
  const operational: string[] = [];
  for (let a = 1; a <= 10; a++) {
    objectives.push([`A${a}`, `Area strategica ${a}`, null, null]);
    for (let s = 1; s <= 10; s++) {
      objectives.push([`A${a}.${s}`, `Obiettivo strategico ${a}.${s}`, `A${a}`, null]);
      for (let o = 1; o <= 10; o++) {
        objectives.push([`A${a}.${s}.${o}`, `Obiettivo operativo ${a}.${s}.${o}`, `A${a}.${s}`, null]);
        operational.push(`A${a}.${s}.${o}`);
      }
    }
  }
  const indicators: CellValue[][] = [['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Override', 'Nota', 'Neutralizzato']];
  for (let n = 0; n < indicatorCount; n++) {
    const objective = operational[n % operational.length];
    const k = (Math.imul(n + 1, 2654435761) >>> 0) % 100;
    const actual = k < 85 ? 100 + (k % 20) : k < 93 ? 60 + k - 85 : 0;
    indicators.push([
      `${objective}.${Math.floor(n / operational.length) + 1}`, `Indicatore ${n + 1} della misurazione annuale`, objective, null, '>= 100', actual,
      k === 96 || k === 97 ? '90%' : null, k === 96 || k === 97 ? 'Rideterminato dall\'OIV' : null, k >= 98 ? 'si' : null,
    ]);
  }
  return { sheets: { Obiettivi: objectives, Indicatori: indicators, Impostazioni: [['ente', 'Ente di prova']] } };
}

interface Measure {
  case: string;
  indicators: number;
  complete: boolean;
  renderMs: number;
  megabytes: number;
  elements: number | null;
  loadMs: number | null;
}

let browser: Browser;
const measures: Measure[] = [];
const results = new Map<number, ScoreResult>();
const dir = artifactsDir();

beforeAll(async () => {
  browser = await launchChromium();
  for (const n of [10_000, 100_000]) results.set(n, scorePlan(bigPlan(n)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  writeFileSync(join(dir, 'report-scale.json'), `${JSON.stringify(measures, null, 2)}\n`);
  console.log(['case | indicators | render ms | MB | elements | load ms in Chromium',
    ...measures.map((m) => `${m.case} | ${m.indicators} | ${m.renderMs} | ${m.megabytes} | ${m.elements ?? '-'} | ${m.loadMs ?? '-'}`)].join('\n'));
});

/**
 * The same plan monitored at 30/06 (`Consuntivo 30/06`): most counts half-way or better (on track), about one
 * in seven slower, so its year-end estimate may fall short of the target (a rischio).
 */
function monitoredBigPlan(indicatorCount: number): PlanInput {
  const plan = bigPlan(indicatorCount);
  const [header, ...rows] = plan.sheets.Indicatori;
  plan.sheets.Indicatori = [[...header, 'Consuntivo 30/06'], ...rows.map((r, n) => {
    const k = (Math.imul(n + 1, 2654435761) >>> 0) % 100;
    return [...r, Math.round((r[5] as number) * (k % 7 === 0 ? 0.45 : 0.55))];
  })];
  return plan;
}

/** Renders, writes the file and opens it in Chromium: load event and a full layout, as a person waits for it. */
async function measure(name: string, indicators: number, complete: boolean, open: boolean, scored?: ScoreResult): Promise<string> {
  const result = scored ?? (results.get(indicators) as ScoreResult);
  const started = performance.now();
  const html = renderReport(result, { lang: 'it', complete });
  const renderMs = Math.round(performance.now() - started);
  const file = join(dir, `relazione-${name}.html`);
  writeFileSync(file, html);
  let loadMs: number | null = null;
  let elements: number | null = null;
  if (open) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const t0 = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 300_000 });
    elements = await page.evaluate(() => {
      void document.body.offsetHeight;
      return document.getElementsByTagName('*').length;
    });
    loadMs = Math.round(performance.now() - t0);
    await page.close();
  }
  measures.push({ case: name, indicators, complete, renderMs, megabytes: Math.round((html.length / 1e6) * 10) / 10, elements, loadMs });
  return html;
}

describe('report at scale', () => {
  it('summarises 100k indicators to the exceptions, each listed, in closed sections', async () => {
    await measure('10k-completa', 10_000, true, true);
    await measure('10k-sintetica', 10_000, false, true);
    const html = await measure('100k-sintetica', 100_000, false, true);
    const result = results.get(100_000) as ScoreResult;

    const listed = new Set([...html.matchAll(/<tr(?: class="excluded")?><td>([^<]+)<\/td>/g)].map((m) => m[1].replaceAll('<wbr>', '')));
    const exceptions = result.indicators.filter((i) => i.status === 'notMet' || i.status === 'partial' || i.overridden || i.excluded);
    expect(exceptions.length).toBeGreaterThan(10_000);
    for (const i of exceptions) expect(listed.has(i.code)).toBe(true);
    const met = result.indicators.filter((i) => i.status === 'met');
    expect(met.some((i) => listed.has(i.code))).toBe(false);
    // Every operational objective says how many met indicators it does not list.
    expect(html.match(/<p class="others">/g)).toHaveLength(1000);
    expect(html).not.toMatch(/<details[^>]* open/);
    // Rows: the exceptions and the 110 strategic objectives, nothing else.
    expect(html.match(/<tr(?: class="excluded")?><td>/g)).toHaveLength(exceptions.length + 110);
  }, 300_000);

  it('still renders every indicator of 100k when asked for the complete report', async () => {
    // Written only: opening 100k rows is what the summarised report avoids.
    const html = await measure('100k-completa', 100_000, true, false);
    expect(html.match(/<details[^>]* open/g)?.length).toBe(110);
    const rows = html.match(/<tr(?: class="excluded")?><td>/g)?.length ?? 0;
    // Every indicator, plus the 110 strategic rows.
    expect(rows).toBe(100_000 + 110);
  }, 300_000);

  it('summarises a monitored plan of 10k to the exceptions, the indicators at risk among them, each with its line', async () => {
    const result = scorePlan(monitoredBigPlan(10_000), { period: '30/06' });
    expect(result.period?.key).toBe('30/06');
    const html = await measure('10k-monitoraggio-sintetica', 10_000, false, true, result);
    const rows = [...html.matchAll(/<tr(?: class="excluded")?><td>([^<]+)<\/td>.*?<\/tr>/g)];
    const listed = new Map(rows.map((m) => [m[1].replaceAll('<wbr>', ''), m[0]]));
    const onTrack = (i: ScoreResult['indicators'][number]) => Boolean(i.progress && i.projection && !i.projection.atRisk);
    const exceptions = result.indicators.filter((i) => i.status === 'notMet' || (i.status === 'partial' && !onTrack(i)) || i.overridden || i.excluded || i.projection?.atRisk);
    const atRisk = result.indicators.filter((i) => i.projection?.atRisk);
    expect(atRisk.length).toBeGreaterThan(500);
    expect(result.indicators.filter(onTrack).length).toBeGreaterThan(5_000);
    for (const i of exceptions) expect(listed.has(i.code)).toBe(true);
    for (const i of atRisk) expect(listed.get(i.code)).toContain('A rischio');
    // Rows: the exceptions and the 110 strategic objectives, each with its sparkline; nothing else.
    expect(listed.size).toBe(exceptions.length + 110);
    for (const row of listed.values()) expect(row).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="sparkline"');
    expect(html).not.toMatch(/<details[^>]* open/);
  }, 300_000);
});
