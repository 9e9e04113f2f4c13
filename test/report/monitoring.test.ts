/**
 * The report of a monitored workbook (period columns), read as HTML: what it says about the period, the
 * entity's and each row's line across periods, progress, gap, estimate and the a-rischio flags. The layout in
 * Chromium is in render.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatPercent, scorePlan, type ScoreResult } from '../../src/core/index.js';
import { renderReport } from '../../src/report/html.js';
import { monitoredPlan } from './monitored.js';
import { plainExample } from '../fixtures/plain-example.js';

// The example's year-end plan as a workbook without periods (its monitoring columns are tested apart).
const pira = plainExample();

const atJune = scorePlan(monitoredPlan('30/06'));
const atYearEnd = scorePlan(monitoredPlan());
const june = renderReport(atJune, { lang: 'it' });
const yearEnd = renderReport(atYearEnd, { lang: 'it' });

/** The cells of the indicator (or objective) row that starts with this code. */
function cellsOf(html: string, code: string): string[] {
  const m = new RegExp(`<tr[^>]*><td>${code.replace(/\./g, '\\.')}</td>(.*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row for ${code}`);
  return [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[0]);
}

/** The header row of the table that holds this code's row. */
function headersOf(html: string, code: string): string[] {
  const at = html.indexOf(`<td>${code}</td>`);
  const table = html.lastIndexOf('<table', at);
  const head = /<thead>(.*?)<\/thead>/.exec(html.slice(table, at))?.[1] ?? '';
  return [...head.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((h) => h[1]);
}

/** A cell of an indicator row by its column header. */
function cell(html: string, code: string, header: string): string {
  const headers = headersOf(html, code);
  const k = headers.indexOf(header);
  if (k < 0) throw new Error(`no column ${header} for ${code}: ${headers.join(', ')}`);
  // The code cell is not in cellsOf: columns shift by one.
  return cellsOf(html, code)[k - 1];
}

const indicator = (result: ScoreResult, code: string) => result.indicators.find((i) => i.code === code)!;

describe('the report at a monitoring period', () => {
  it('names the period in the title, the summary and the headline; the year-end report keeps its title', () => {
    expect(atJune.period?.key).toBe('30/06');
    expect(june).toContain('<h1>Camera di commercio della Maremma e del Tirreno — Monitoraggio al 30/06/2024</h1>');
    expect(june).toContain('<tr><th>Periodo</th><td>30/06/2024</td></tr>');
    expect(june).toContain(`<span>Risultato dell'ente al 30/06/2024</span><span class="big">${formatPercent(atJune.entity.score, 'it')}</span>`);
    expect(yearEnd).toContain('<h1>Camera di commercio della Maremma e del Tirreno — Relazione sulla performance 2024</h1>');
    expect(yearEnd).toContain('<tr><th>Periodo</th><td>Fine anno (31/12/2024)</td></tr>');
    // A period written otherwise than its date says both.
    const semester = monitoredPlan('S1');
    semester.sheets.Indicatori[0] = semester.sheets.Indicatori[0].map((h) => (h === 'Consuntivo 30/06' ? 'Consuntivo 1° semestre' : h === 'Target 30/06' ? 'Target 1° semestre' : h));
    expect(renderReport(scorePlan(semester), { lang: 'it' })).toContain('<td>30/06/2024 (1° semestre)</td>');
  });

  it('draws the entity across the periods up to the one scored, in a table and a line', () => {
    const history = atJune.entityHistory!;
    expect(history.map((h) => h.period)).toEqual(['31/03', '30/06', '31/12']);
    const table = /<table class="kv periods">(.*?)<\/table>/.exec(june)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr><td>(.*?)<\/td><td class="a">(.*?)<\/td><td class="n">(.*?)<\/td><\/tr>/g)].map((m) => m.slice(1).map((x) => x.replace(/<\/?strong>/g, '')));
    // A report at 30/06 looks back: the year-end actuals already in the sheet are not its business.
    expect(rows).toEqual([
      ['31/03', '31/03/2024', formatPercent(history[0].score, 'it')],
      ['30/06', '30/06/2024', formatPercent(history[1].score, 'it')],
    ]);
    expect(table).toContain('<strong>30/06</strong>');
    expect(june).toContain(`<desc>31/03: ${formatPercent(history[0].score, 'it', 1)}; 30/06: ${formatPercent(history[1].score, 'it', 1)}</desc>`);
    const endTable = /<table class="kv periods">(.*?)<\/table>/.exec(yearEnd)?.[1] ?? '';
    expect(endTable.match(/<tr><td>/g)).toHaveLength(3);
    expect(endTable).toContain('<td><strong>Fine anno</strong></td><td class="a"><strong>31/12/2024</strong></td>');
  });

  it('gives every indicator and objective its line up to the period, last year as the baseline point', () => {
    for (const ind of atJune.indicators) {
      const trend = cell(june, ind.code, 'Andamento');
      expect(trend).toContain(`aria-label="${ind.code}: 31/03 `);
      expect(trend).not.toContain('31/12');
    }
    expect(cell(june, '1.3', 'Andamento')).toContain('aria-label="1.3: 31/03 18,1%, 30/06 45,3%"');
    expect(cell(yearEnd, '1.3', 'Andamento')).toContain('aria-label="1.3: 31/03 18,1%, 30/06 45,3%, 31/12 90,6%"');
    expect(cell(june, '1.5', 'Andamento')).toContain('<title>2023: 48,10%</title>');
    expect(cell(june, '1.6', 'Andamento')).not.toContain('<title>2023');
    for (const o of atJune.objectives) {
      expect(june).toMatch(new RegExp(`<h[34]>${o.code.replace(/\./g, '\\.')} — [^]*?</h[34]>(<span class="counts">[^<]*</span>)?<span class="trend"><svg [^>]*aria-label="${o.code}: 31/03 `));
    }
    for (const o of atJune.objectives.filter((x) => x.depth <= 1)) expect(cellsOf(june, o.code).at(-1)).toContain('class="sparkline"');
  });

  it('says avanzamento where the figure is progress towards the year\'s target, raggiungimento against an interim target', () => {
    expect(indicator(atJune, '1.8').progress).toBe(false);
    expect(indicator(atJune, '1.1').progress).toBe(true);
    // Objective 1 mixes both: the header says so and each progress figure is marked.
    expect(headersOf(june, '1.1')).toContain('Raggiungimento o avanzamento');
    expect(cell(june, '1.1', 'Raggiungimento o avanzamento')).toContain('57,50%<br><small class="progress">avanzamento</small>');
    expect(cell(june, '1.8', 'Raggiungimento o avanzamento')).not.toContain('avanzamento');
    // Objective 2 is all progress: the column is Avanzamento.
    expect(headersOf(june, '2.1')).toContain('Avanzamento');
    expect(june).toContain('Avanzamento: senza un target intermedio, il consuntivo al 30/06/2024 rispetto al target dell&#39;anno');
    // At the year's end nothing is progress.
    expect(yearEnd).not.toContain('vanzamento');
    expect(headersOf(yearEnd, '1.1')).toContain('Raggiungimento');
  });

  it('writes the gap with its sign (negative is worse, either direction) and says so in a legend', () => {
    // 1.1: 11,50 against >= 20: 8,5 short. 1.5: 50,61% against >= 45%: 5,61 points better. 9.7: 13,20 days
    // against <= 16: 2,8 days better. 9.8: 2,18 days against <= 1,45: 0,73 worse.
    expect(cell(june, '1.1', 'Scostamento')).toBe('<td class="n gap-neg">-8,50</td>');
    expect(cell(june, '1.5', 'Scostamento')).toBe('<td class="n gap-pos">+5,61&nbsp;p.p.</td>');
    expect(cell(june, '9.7', 'Scostamento')).toBe('<td class="n gap-pos">+2,80</td>');
    expect(cell(june, '9.8', 'Scostamento')).toBe('<td class="n gap-neg">-0,73</td>');
    // A deadline has no gap in numbers.
    expect(cell(june, '1.2', 'Scostamento')).toBe('<td class="n"></td>');
    expect(june).toContain('Scostamento: distanza dal target con il segno del giudizio: negativo = peggio del target, positivo = meglio');
  });

  it('estimates the year end of cumulative counts, as an estimate, and flags those that fall short', () => {
    // 1.3: 290 at 31/03 (day 91 of 366) and 725 at 30/06 (day 182): the line through the origin has slope
    // (f1*290 + f2*725) / (f1^2 + f2^2) = 1.399,6, under the 1.600 target: a rischio.
    const [f1, f2] = [91 / 366, 182 / 366];
    const slope = (f1 * 290 + f2 * 725) / (f1 * f1 + f2 * f2);
    expect(Math.round(slope)).toBe(1400);
    expect(cell(june, '1.3', 'Stima a fine anno')).toBe('<td class="n est at-risk">≈&nbsp;1.400</td>');
    expect(cell(june, '1.3', 'Stato')).toContain('<br><strong class="risk">A rischio</strong>');
    for (const ind of atJune.indicators) {
      expect([ind.code, cell(june, ind.code, 'Stato').includes('A rischio')]).toEqual([ind.code, ind.projection?.atRisk ?? false]);
      expect([ind.code, cell(june, ind.code, 'Stima a fine anno').includes('≈')]).toEqual([ind.code, Boolean(ind.projection)]);
    }
    // Met against its interim target, short of the year's on its pace: both said.
    expect(cell(june, '1.8', 'Stato')).toBe('<td class="st-met">Raggiunto<br><strong class="risk">A rischio</strong></td>');
    expect(june).toContain('Stima a fine anno: per gli indicatori cumulativi, proiezione lineare');
    // At the year's end there is nothing to estimate: no column.
    expect(headersOf(yearEnd, '1.3')).not.toContain('Stima a fine anno');
  });

  it('shows a deadline not yet due as in corso', () => {
    expect(indicator(atJune, '1.2').inProgress).toBe(true);
    expect(cell(june, '1.2', 'Stato')).toBe('<td class="st-inprogress">In corso</td>');
    expect(june).toContain('In corso: scadenza successiva al 30/06/2024, non ancora valutata.');
    expect(june).toMatch(/<summary><h4>1 — [^<]*<\/h4><span class="counts">8 indicatori · Raggiunto: 3 · Parzialmente raggiunto: 3 · Neutralizzato: 1 · In corso: 1 · A rischio: 2 · In linea: 2<\/span>/);
  });

  it('lists the indicators at risk among the exceptions of a summarised report, and counts the counts on track', () => {
    const summarised = renderReport(atJune, { lang: 'it', complete: false });
    const listed = (code: string) => summarised.includes(`<tr><td>${code}</td>`) || summarised.includes(`<tr class="excluded"><td>${code}</td>`);
    const atRisk = atJune.indicators.filter((i) => i.projection?.atRisk);
    // 1.8 met its interim target yet is at risk: listed all the same.
    expect(atRisk.map((i) => i.code)).toContain('1.8');
    for (const i of atRisk) expect([i.code, listed(i.code)]).toEqual([i.code, true]);
    // 1.1: 11,50 of 20 at 30/06, "partial", but on pace for 22,2 by December: on track, counted, not listed.
    expect(indicator(atJune, '1.1')).toMatchObject({ status: 'partial', progress: true, projection: { atRisk: false } });
    const onTrack = (i: ScoreResult['indicators'][number]) => Boolean(i.progress && i.projection && !i.projection.atRisk);
    for (const i of atJune.indicators) {
      const exception = i.status === 'notMet' || (i.status === 'partial' && !onTrack(i)) || i.overridden || i.excluded || Boolean(i.projection?.atRisk);
      expect([i.code, listed(i.code)]).toEqual([i.code, exception]);
    }
    expect(atJune.indicators.filter((i) => i.status === 'partial' && onTrack(i)).length).toBeGreaterThanOrEqual(4);
    expect(summarised).toMatch(/<p class="others">Altri indicatori, non elencati \(3\): Raggiunto: 1 · Parzialmente raggiunto: 2 · In linea: 2<\/p>/);
    expect(summarised).toContain('a rischio, rideterminati, neutralizzati o con segnalazioni');
  });

  it('speaks English when asked', () => {
    const en = renderReport(atJune, { lang: 'en' });
    expect(en).toContain('— Monitoring at 30/06/2024</h1>');
    expect(en).toContain('<span>Entity result at 30/06/2024</span>');
    for (const word of ['>Gap<', '>Year-end estimate<', '>Trend<', '>Progress<', 'At risk', 'In progress', '&nbsp;pp<', 'negative = worse than the target']) expect(en).toContain(word);
    expect(en).not.toMatch(/Scostamento|Avanzamento|A rischio/);
  });
});

describe('a plain workbook', () => {
  it('has none of it: no period, no sparkline, no gap, a portrait page', () => {
    const html = renderReport(scorePlan(pira), { lang: 'it' });
    for (const word of ['sparkline', 'Scostamento', 'Andamento', 'Stima', 'vanzamento', 'Periodo', 'Monitoraggio', 'landscape', 'In corso', 'A rischio']) {
      expect([word, html.includes(word)]).toEqual([word, false]);
    }
    expect(html).toContain('@page { size: A4; margin');
    expect(headersOf(html, '1.1')).toEqual(['Codice', 'Indicatore', 'Peso', 'Target', 'Consuntivo', 'Raggiungimento', 'Punteggio', 'Stato']);
  });

  it('prints a monitored report on landscape pages', () => {
    expect(june).toContain('@page { size: A4 landscape; }');
    expect(yearEnd).toContain('@page { size: A4 landscape; }');
  });
});
