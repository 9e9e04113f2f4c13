import { describe, expect, it } from 'vitest';
import { scorePlan, type CellValue, type PlanInput } from '../../src/core/index.js';
import { diffPlans, formatChange, formatDiffText, renderDiff, type FieldChange, type PlanDiff } from '../../src/report/diff.js';

/*
 * The plan of these tests, scored by hand (proporzionale, entity = weighted mean of A 60% and B 40%):
 *   a1 8/10 = 80%, a2 10/10 = 100%          -> A = 0,5·0,8 + 0,5·1 = 90%
 *   b1 50/100 = 50% (50%), b2 100% (25%), b3 0% (25%) -> B = 0,25 + 0,25 + 0 = 50%
 *   entity = 0,6·0,9 + 0,4·0,5 = 74%
 */
const HEADER = ['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Neutralizzato'];
const OBJECTIVES: CellValue[][] = [['Codice', 'Titolo', 'Padre', 'Peso'], ['A', 'Area A', null, '60%'], ['B', 'Area B', null, '40%']];
const BASE: CellValue[][] = [
  ['a1', 'Primo', 'A', '50%', '>= 10', 8, null],
  ['a2', 'Secondo', 'A', '50%', '>= 10', 10, null],
  ['b1', 'Terzo', 'B', '50%', '>= 100', 50, null],
  ['b2', 'Quarto', 'B', '25%', '>= 100', 100, null],
  ['b3', 'Quinto', 'B', '25%', '>= 100', 0, null],
];

function plan(indicators: CellValue[][], options: { header?: CellValue[]; objectives?: CellValue[][]; settings?: CellValue[][] } = {}): PlanInput {
  const sheets: PlanInput['sheets'] = {
    Obiettivi: options.objectives ?? OBJECTIVES,
    Indicatori: [options.header ?? HEADER, ...indicators],
  };
  if (options.settings) sheets.Impostazioni = options.settings;
  return { sheets };
}

function versions(a: PlanInput, b: PlanInput): PlanDiff {
  return diffPlans({ input: a, result: scorePlan(a), name: 'prima.xlsx' }, { input: b, result: scorePlan(b), name: 'dopo.xlsx' });
}

const diff = (before: CellValue[][], after: CellValue[][]) => versions(plan(before), plan(after));

const edit = (rows: CellValue[][], code: string, col: string, value: CellValue, header = HEADER) =>
  rows.map((r) => (r[0] === code ? r.map((v, i) => (header[i] === col ? value : v)) : r));

function changeOf(d: PlanDiff, code: string, field: FieldChange['field']): FieldChange {
  const c = d.changed.find((x) => x.code === code && x.field === field);
  if (!c) throw new Error(`no change ${code} ${field} in ${JSON.stringify(d.changed.map((x) => `${x.code}:${x.field}`))}`);
  return c;
}

/** The entity's movement from one change alone. */
const entityEffect = (c: { effect: FieldChange['effect'] }) => {
  const e = c.effect?.entity;
  if (!e || e.before === null || e.after === null) throw new Error('no effect');
  return e.after - e.before;
};

describe('diff: what changed', () => {
  it('sees no change when rows are only reordered', () => {
    const d = diff(BASE, [BASE[4], BASE[2], BASE[0], BASE[1], BASE[3]]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(formatDiffText(d, 'it')).toContain('Nessuna differenza.');
  });

  it('compares values, not their formatting: the same number, percentage, date or yes/no typed differently is no change', () => {
    const header = [...HEADER, 'Nota', 'UdM'];
    const before: CellValue[][] = [
      ['p1', 'Quota', 'A', 0.5, '>= 0,7', 0.68, null, 'Causa  esterna', null],
      ['p2', 'Termine', 'A', '50', 'Entro 31-12-2024', new Date(Date.UTC(2024, 11, 18)), 'no', null, 'data'],
      ['b1', 'Terzo', 'B', '100%', '>= 100', '1.450', 'SI', null, null],
    ];
    const after: CellValue[][] = [
      ['p1', 'Quota', 'A', '50,00 %', '>= 70%', '68%', null, 'Causa\u00a0esterna', null],
      ['p2', 'Termine', 'A', '50%', 'Entro 31-12-2024', '18/12/2024', null, null, 'data'],
      ['b1', 'Terzo', 'B', 1, '>= 100', 1450, 'si', null, null],
    ];
    const d = versions(plan(before, { header }), plan(after, { header }));
    // Only the target moved: ">= 0,7" is a number, ">= 70%" a percentage.
    expect(d.changed.map((c) => `${c.code}:${c.field}`)).toEqual(['p1:target']);

    // "0,68" as text is 0.68 too.
    const text = versions(plan(before, { header }), plan(edit(before, 'p1', 'Consuntivo', '0,68', header), { header }));
    expect(text.changed).toEqual([]);
  });

  it('finds a weight change far below 0,005% and prints enough decimals to see it', () => {
    const before = edit(edit(BASE, 'a1', 'Peso', '14,2857%'), 'a2', 'Peso', '85,7143%');
    const after = edit(before, 'a1', 'Peso', '14,2858%');
    const d = diff(before, after);
    const c = changeOf(d, 'a1', 'weight');
    expect(formatChange(c, 'it')).toEqual(['14,2857%', '14,2858%']);
    expect(formatChange(c, 'en')).toEqual(['14.2857%', '14.2858%']);
    // 0.000001 of weight: A moves by a hair, and the page still shows it.
    expect(c.effect?.path.map((m) => m.code)).toEqual(['A', '']);
    // A moves by (0,8 - A) x 0,000001 and the entity by 0,6 of that: printed with the digits that show it.
    const line = formatDiffText(d, 'it').split('\n').find((l) => l.startsWith('  Indicatore a1:')) as string;
    const [, from, to, points] = /A (\S+) → (\S+) ⇒ Ente \S+ → \S+ \((\S+) p\.p\.\)/.exec(line) ?? [];
    expect(from).not.toBe(to);
    expect(Number(points.replace(',', '.'))).toBeCloseTo(0.6 * (0.8 - (0.142857 * 0.8 + 0.857143)) * 0.000001 * 100, 6);
    expect(points).not.toBe('0,00');
    const tiny = diff(before, edit(before, 'a1', 'Peso', '14,28571%'));
    expect(formatChange(changeOf(tiny, 'a1', 'weight'), 'it')).toEqual(['14,28570%', '14,28571%']);
  });

  it('reports a renamed code as one removal and one addition', () => {
    const d = diff(BASE, BASE.map((r) => (r[0] === 'b3' ? ['b3bis', ...r.slice(1)] : r)));
    expect(d.removed.map(({ kind, code, label }) => ({ kind, code, label }))).toEqual([{ kind: 'indicator', code: 'b3', label: 'Quinto' }]);
    expect(d.added.map(({ kind, code, label }) => ({ kind, code, label }))).toEqual([{ kind: 'indicator', code: 'b3bis', label: 'Quinto' }]);
    expect(d.changed).toEqual([]);
  });

  it('reports objective and setting changes', () => {
    const objectives = [['Codice', 'Titolo', 'Padre', 'Peso'], ['A', 'Area A', null, '70%'], ['B', 'Area B', null, '40%']];
    const d = versions(plan(BASE), plan(BASE, { objectives, settings: [['Chiave', 'Valore'], ['metodo', 'binario']] }));
    expect(d.changed.map((c) => `${c.kind}:${c.code}:${c.field}`)).toEqual(['setting::method', 'objective:A:weight']);
    expect(formatChange(changeOf(d, '', 'method'), 'it')).toEqual(['proporzionale', 'binario']);
  });
});

describe('diff: the effect of each change alone on the older plan', () => {
  it('gives opposite moves opposite effects and a neutralisation only its own', () => {
    // a1 8 -> 10, a2 10 -> 8, b3 neutralised: after, A is still 90% and B is 2/3.
    let after = edit(BASE, 'a1', 'Consuntivo', 10);
    after = edit(after, 'a2', 'Consuntivo', 8);
    after = edit(after, 'b3', 'Neutralizzato', 'si');
    const d = diff(BASE, after);
    expect(d.entity.before).toBeCloseTo(0.74, 12);
    expect(d.entity.after).toBeCloseTo(0.6 * 0.9 + 0.4 * (2 / 3), 12);

    // a1 alone: A = 100%, entity 0,6 + 0,2 = 80%.
    const a1 = changeOf(d, 'a1', 'actual');
    expect(a1.effect?.path.map((m) => [m.code, m.before, m.after])).toEqual([['a1', 0.8, 1], ['A', 0.9, 1], ['', 0.74, expect.closeTo(0.8, 12)]]);
    expect(entityEffect(a1)).toBeCloseTo(0.06, 12);
    // a2 alone: A = 80%, entity 0,48 + 0,2 = 68%.
    const a2 = changeOf(d, 'a2', 'actual');
    expect(a2.effect?.path.map((m) => m.code)).toEqual(['a2', 'A', '']);
    expect(a2.effect?.path[1].after).toBeCloseTo(0.8, 12);
    expect(entityEffect(a2)).toBeCloseTo(-0.06, 12);
    // b3 alone: B = (0,5·0,5 + 0,25·1) / 0,75 = 2/3, entity 0,54 + 0,4·2/3.
    const b3 = changeOf(d, 'b3', 'excluded');
    expect(b3.effect?.path.map((m) => [m.code, m.before, m.after === null ? null : Number(m.after.toFixed(12))]))
      .toEqual([['b3', 0, null], ['B', 0.5, Number((2 / 3).toFixed(12))], ['', 0.74, Number((0.54 + 0.4 * (2 / 3)).toFixed(12))]]);
    expect(entityEffect(b3)).toBeCloseTo(0.4 * (2 / 3 - 0.5), 12);
    // These three do not interact: their effects add up to the total.
    expect(d.interaction).toBeCloseTo(0, 12);

    const text = formatDiffText(d, 'it');
    expect(text).toContain('Indicatore a1: a1 80,00% → 100,00% ⇒ A 90,00% → 100,00% ⇒ Ente 74,00% → 80,00% (+6,00 p.p.) — Consuntivo');
    expect(text).toContain('Indicatore a2: a2 100,00% → 80,00% ⇒ A 90,00% → 80,00% ⇒ Ente 74,00% → 68,00% (-6,00 p.p.) — Consuntivo');
    expect(text).toContain('Indicatore b3: b3 0,00% → n.d. ⇒ B 50,00% → 66,67% ⇒ Ente 74,00% → 80,67% (+6,67 p.p.) — Neutralizzato');
  });

  it('reports the interaction when two changes under one objective reinforce each other', () => {
    // b2's weight 25% -> 50% alone: B = (0,25 + 0,5 + 0) / 1,25 = 60%, entity +4 p.p.
    // b1 50 -> 100 alone: B = 0,5 + 0,25 = 75%, entity +10 p.p.
    // Both: B = (0,5 + 0,5) / 1,25 = 80%, entity +12 p.p.: the interaction is -2 p.p.
    const after = edit(edit(BASE, 'b2', 'Peso', '50%'), 'b1', 'Consuntivo', 100);
    const d = diff(BASE, after);
    expect(entityEffect(changeOf(d, 'b2', 'weight'))).toBeCloseTo(0.04, 12);
    expect(entityEffect(changeOf(d, 'b1', 'actual'))).toBeCloseTo(0.1, 12);
    expect((d.entity.after as number) - (d.entity.before as number)).toBeCloseTo(0.12, 12);
    expect(d.interaction).toBeCloseTo(-0.02, 12);
    expect(formatDiffText(d, 'it')).toContain('Interazione tra le modifiche (variazione totale meno la somma degli effetti singoli): -2,00 p.p.');
    // A weight moves the objective, not the indicator's own score.
    expect(changeOf(d, 'b2', 'weight').effect?.path.map((m) => m.code)).toEqual(['B', '']);
  });

  it('gives added and removed indicators their own effect', () => {
    // a3 added under A with 50% and 0/10: A = (0,4 + 0,5 + 0) / 1,5 = 60%, entity 0,36 + 0,2 = 56%.
    // b3 removed: B = 2/3 as when neutralised.
    const after = [...BASE.slice(0, 4), ['a3', 'Sesto', 'A', '50%', '>= 10', 0, null]];
    const d = diff(BASE, after);
    const added = d.added.find((a) => a.code === 'a3');
    expect(added?.effect?.path.map((m) => m.code)).toEqual(['a3', 'A', '']);
    expect(added?.effect?.path[0]).toEqual({ code: 'a3', before: null, after: 0 });
    expect(entityEffect(added as never)).toBeCloseTo(0.56 - 0.74, 12);
    expect(entityEffect(d.removed[0] as never)).toBeCloseTo(0.4 * (2 / 3 - 0.5), 12);
  });

  it('applies a change to a column the older version does not have (an override with its note)', () => {
    const header = [...HEADER, 'Override', 'Nota'];
    const after = BASE.map((r) => [...r, r[0] === 'b1' ? '100%' : null, r[0] === 'b1' ? 'Causa esterna' : null]);
    const d = versions(plan(BASE), plan(after, { header }));
    expect(d.changed.map((c) => `${c.code}:${c.field}`)).toEqual(['b1:override', 'b1:note']);
    // The override alone: b1 = 100%, B = 75%, entity 0,54 + 0,3 = 84%.
    expect(entityEffect(changeOf(d, 'b1', 'override'))).toBeCloseTo(0.1, 12);
    // The note alone moves nothing.
    expect(changeOf(d, 'b1', 'note').effect?.path).toEqual([]);
  });

  it('rescores with a changed setting', () => {
    // binario: a1 0, a2 1 -> A 50%; b1 0, b2 1, b3 0 -> B 25%; entity 0,3 + 0,1 = 40%.
    const d = versions(plan(BASE, { settings: [['metodo', 'proporzionale']] }), plan(BASE, { settings: [['metodo', 'binario']] }));
    expect(entityEffect(changeOf(d, '', 'method'))).toBeCloseTo(0.4 - 0.74, 12);
  });
});

describe('diff: the page', () => {
  const after = edit(edit(BASE, 'a1', 'Consuntivo', '60%'), 'b3', 'Peso', '30%');
  const before = edit(BASE, 'a1', 'Consuntivo', 0.68);

  it('writes every value in the language of the page', () => {
    const d = diff(before, after);
    const en = formatDiffText(d, 'en');
    expect(en).toContain('~ Indicator a1 Actual: "0.68" → "60.00%"');
    expect(en).toContain('~ Indicator b3 Weight: "25.00%" → "30.00%"');
    expect(en).not.toMatch(/\d,\d\d%/);
    const it = formatDiffText(d, 'it');
    expect(it).toContain('~ Indicatore a1 Consuntivo: "0,68" → "60,00%"');
    expect(it).not.toMatch(/\d\.\d\d%/);
    expect(renderDiff(d, 'en')).not.toMatch(/\d,\d\d%/);
  });

  it('shows an actual of a percent target as a percentage on both sides', () => {
    const pct = BASE.map((r) => (r[0] === 'a1' ? ['a1', 'Primo', 'A', '50%', '>= 70%', 0.68, null] : r));
    const d = diff(pct, edit(pct, 'a1', 'Consuntivo', '72,5%'));
    expect(formatChange(changeOf(d, 'a1', 'actual'), 'it')).toEqual(['68,00%', '72,50%']);
  });

  it('names both files and gives every table a header in every column', () => {
    const d = diff(before, [...after.slice(0, 4), ['x9', 'Nuovo', 'A', '10%', '>= 1', 1, null]]);
    const html = renderDiff(d, 'it');
    expect(html).toContain('<strong>prima.xlsx</strong>');
    expect(html).toContain('<strong>dopo.xlsx</strong>');
    expect(html).toContain('<title>Differenze tra le versioni del piano: prima.xlsx → dopo.xlsx</title>');
    expect(formatDiffText(d, 'it')).toContain('Versioni confrontate: prima.xlsx → dopo.xlsx');
    const headers = [...html.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers.length).toBeGreaterThanOrEqual(14);
    expect(headers.filter((h) => h.trim() === '')).toEqual([]);
    expect(html).toContain('<h2>Aggiunti</h2><table>');
    expect(html).toContain('<h2>Rimossi</h2><table>');
    expect(html).toContain('applicando quella sola modifica alla versione precedente');
    expect(renderDiff(d, 'en')).toContain('applying that change alone to the older version');
  });
});
