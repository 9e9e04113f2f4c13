import { describe, expect, it } from 'vitest';
import { scorePlan, formatPercent, type PlanInput } from '../../src/core/index.js';
import { renderReport } from '../../src/report/html.js';
import { barChart, statusChart } from '../../src/ui/charts.js';
import { plainExample } from '../fixtures/plain-example.js';

// The example's year-end plan as a workbook without periods (its monitoring columns are tested apart).
const pira = plainExample();

/** A small plan with an override, a neutralised row, a late deadline and text that must be escaped. */
const tricky: PlanInput = {
  sheets: {
    Obiettivi: [
      ['Codice', 'Titolo', 'Padre', 'Peso', 'Prospettiva', 'Target'],
      ['A', 'Area <script>alert(1)</script>', null, null, 'Processi interni', '80%'],
      ['A.1', 'Operativo & "uno"', 'A', '100%', null, null],
    ],
    Indicatori: [
      ['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Override', 'Nota', 'Neutralizzato'],
      ['A.1.1', 'Pratiche evase', 'A.1', '50%', '>= 95,00 %', '90%', '100%', 'Rideterminato dall\'OIV: causa esterna', null],
      ['A.1.2', 'Relazione', 'A.1', '25%', 'Entro 31-12-2024', '15/01/2025', null, null, null],
      ['A.1.3', 'Rilevazione nazionale', 'A.1', '25%', '>= 10', 3, null, 'Sospesa', 'si'],
    ],
  },
};

function report(input: PlanInput) {
  const result = scorePlan(input);
  return { result, html: renderReport(result, { lang: 'it', sourceName: 'piano.xlsx' }) };
}

/** The text of the table row that starts with this code. */
function rowOf(html: string, code: string): string {
  const m = new RegExp(`<tr[^>]*><td>${code.replace(/\./g, '\\.')}</td>(.*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row for ${code}`);
  return m[1];
}

describe('HTML report', () => {
  it('contains every objective and indicator with the figures of the JSON results', () => {
    const { result, html } = report(pira);
    for (const o of result.objectives) expect(html).toContain(`${o.code} — `);
    for (const i of result.indicators) {
      const row = rowOf(html, i.code);
      expect(row).toContain(formatPercent(i.score, 'it'));
      expect(row).toContain(formatPercent(i.achievement, 'it'));
    }
    expect(html).toContain(formatPercent(result.entity.score, 'it'));
    expect(html).toContain(result.entity.rating as string);
    for (const [attribute, values] of Object.entries(result.groups)) {
      expect(html).toContain(`Risultati per ${attribute}`);
      for (const [value, score] of Object.entries(values)) expect(html).toContain(`${value}: ${formatPercent(score, 'it')}`);
    }
  });

  it('uses Italian number format', () => {
    const { html } = report(pira);
    expect(html).toMatch(/\d,\d\d%/);
    expect(html).not.toMatch(/>\d+\.\d\d%/);
    expect(html).toContain('99% → 100%; 80% → 80%; 0% → 0%');
  });

  it('is self-contained: no external URL, no script', () => {
    const { html } = report(tricky);
    const withoutSvgNamespace = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutSvgNamespace).not.toMatch(/https?:|\bsrc=|\bhref=|url\(|@import/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Area &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Operativo &amp; &quot;uno&quot;');
  });

  it('shows overrides with their note and computed score, neutralised rows, late deadlines and issues', () => {
    const { result, html } = report(tricky);
    const overridden = rowOf(html, 'A.1.1');
    expect(overridden).toContain('100,00%<br><small>calcolato 94,74%</small>');
    expect(html).toContain('<strong>Nota:</strong> Rideterminato dall&#39;OIV: causa esterna');
    expect(html).toMatch(/<tr class="excluded"><td>A\.1\.3<\/td><td>Rilevazione nazionale <em>\(neutralizzato\)<\/em>/);
    expect(rowOf(html, 'A.1.2')).toContain('Non raggiunto (In ritardo di 15 giorni)');
    // The objective target: 66,67% against 80% is 83,33% raggiunto.
    expect(result.objectives[0].achievement).toBeCloseTo((2 / 3) / 0.8, 12);
    expect(rowOf(html, 'A')).toContain('83,33%');
    for (const issue of result.issues) expect(html).toContain(`<td>${issue.cell}</td>`);
  });
});

describe('HTML report: objectives, title and sections', () => {
  /** The example with an entity name and a target on one area (depth 0) and one strategic objective. */
  function withTargets(): PlanInput {
    const plan = structuredClone(pira);
    plan.sheets.Impostazioni.push(['ente', 'Camera di commercio della Maremma e del Tirreno']);
    plan.sheets.Obiettivi = plan.sheets.Obiettivi.map((row, r) => [...row, r === 0 ? 'Target' : row[0] === '011' ? '80%' : row[0] === '10' ? '90%' : null]);
    return plan;
  }

  it('fills the strategic table from each objective\'s target, with % Raggiungimento only where there is one', () => {
    const { result, html } = report(withTargets());
    const o011 = result.objectives.find((o) => o.code === '011') as (typeof result.objectives)[number];
    const o10 = result.objectives.find((o) => o.code === '10') as (typeof result.objectives)[number];
    // 011: 98,51% against 80% is 100% raggiunto; 10: 66,12% against 90% is 73,47%.
    const cells = (code: string) => [...rowOf(html, code).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells('011').slice(3)).toEqual([formatPercent(o011.score, 'it'), '80,00%', '100,00%', 'Eccellente']);
    expect(o10.achievement).toBeCloseTo((o10.score as number) / 0.9, 12);
    expect(cells('10').slice(3)).toEqual([formatPercent(o10.score, 'it'), '90,00%', formatPercent((o10.score as number) / 0.9, 'it'), o10.rating]);
    // Without a target: the result, then a dash for target and achievement (not the result again).
    expect(cells('032').slice(3)).toEqual(['87,31%', '—', '—', 'Buono']);
  });

  it('draws the chart by strategic objective with every objective that has a target, the area included', () => {
    const { html } = report(withTargets());
    const figures = [...html.matchAll(/<title>Risultati per obiettivo strategico rispetto al target[^<]*<\/title><desc>([^<]*)<\/desc>/g)].map((m) => m[1]);
    expect(figures).toHaveLength(2);
    const desc = figures.join('; ');
    expect(desc).toMatch(/011 Utenti, imprese e territorio: 98,51% \(target 80,00%\)/);
    expect(desc).toMatch(/10 Consolidamento [^:]*: 66,12% \(target 90,00%\)/);
    for (let code = 1; code <= 14; code++) expect(desc).toContain(`; ${code} `.slice(code === 1 ? 2 : 0));
    expect(desc).not.toContain('032 Processi');
  });

  it('names the entity in the title and the printed footer', () => {
    const { html } = report(withTargets());
    expect(html).toContain('<title>Camera di commercio della Maremma e del Tirreno — Relazione sulla performance 2024</title>');
    expect(html).toContain('<h1>Camera di commercio della Maremma e del Tirreno — Relazione sulla performance 2024</h1>');
    expect(html).toMatch(/@bottom-right \{ content: "Pagina " counter\(page\) " di " counter\(pages\)/);
    expect(html).toContain('@bottom-left { content: "Camera di commercio della Maremma e del Tirreno — Relazione sulla performance 2024"');
    const en = renderReport(scorePlan(withTargets()), { lang: 'en' });
    expect(en).toContain('<title>Camera di commercio della Maremma e del Tirreno — Performance report 2024</title>');
    expect(en).toContain('content: "Page " counter(page) " of " counter(pages)');
    const quoted = structuredClone(pira);
    quoted.sheets.Impostazioni.push(['ente', 'Comune "A" \\ </style><script>']);
    const escaped = renderReport(scorePlan(quoted), { lang: 'it' });
    expect(escaped).not.toContain('</style><script>');
    expect(escaped).toContain('content: "Comune \\"A\\" \\\\ \\3C /style>\\3C script>');
  });

  it('summarises on request: exceptions in full, the rest counted, every section closed', () => {
    const result = scorePlan(pira);
    const html = renderReport(result, { lang: 'it', complete: false });
    const exceptions = result.indicators.filter((i) => i.status === 'notMet' || i.status === 'partial' || i.overridden || i.excluded);
    expect(exceptions.length).toBeGreaterThan(3);
    for (const i of exceptions) expect(() => rowOf(html, i.code)).not.toThrow();
    for (const i of result.indicators.filter((x) => !exceptions.includes(x) && x.status === 'met')) expect(() => rowOf(html, i.code)).toThrow();
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(html.match(/<details class="objective"/g)).toHaveLength(18);
    expect(html).toContain('Altri indicatori, non elencati');
    // An objective's summary line counts every indicator below it.
    const o011 = /<summary><h3>011 — [^<]*<\/h3><span class="counts">([^<]*)<\/span>/.exec(html)?.[1];
    const below = result.indicators.filter((i) => Number(i.objective) >= 1 && Number(i.objective) <= 7);
    expect(o011).toMatch(new RegExp(`^${below.length} indicatori · Raggiunto: ${below.filter((i) => i.status === 'met').length}`));

    const complete = renderReport(result, { lang: 'it' });
    expect(complete.match(/<details class="objective"[^>]* open>/g)).toHaveLength(18);
    for (const i of result.indicators) expect(() => rowOf(complete, i.code)).not.toThrow();
    expect(complete).not.toContain('Altri indicatori, non elencati');
  });
});

describe('SVG charts', () => {
  it('draws one bar per value with target markers and accessible text', () => {
    const svg = barChart({ title: 'Per obiettivo', lang: 'it', bars: [{ label: 'Uno', value: 0.5, target: 0.8 }, { label: 'Due', value: null }] });
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg.match(/<line [^>]*stroke="#C0392B"/g)).toHaveLength(1);
    expect(svg).toContain('<title>Per obiettivo</title>');
    expect(svg).toContain('<desc>Uno: 50,00% (target 80,00%); Due: n.d.</desc>');
  });

  it('splits the status bar by count', () => {
    const svg = statusChart({ lang: 'en', counts: { met: 3, partial: 1, notMet: 0, notMeasured: 0, excluded: 0, overridden: 0 }, width: 400 });
    expect(svg).toContain('width="300.0"');
    expect(svg).toContain('width="100.0"');
    expect(svg).toContain('Met: 3');
  });
});
