/**
 * Properties that must hold for any plan: scores within [0, cap], row order and weight scale irrelevant,
 * text and numbers equivalent, scoring twice idempotent, input cells never targeted by the write plan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  INDICATOR_OUTPUTS, OBJECTIVE_OUTPUTS, normalizeHeader, scorePlan, type CellValue, type PlanInput, type ScoreResult, type WritePlan,
} from '../../src/core/index.js';

const RUNS = { numRuns: 100 };

/** A random indicator: target form, actual, weight in percent points. */
const indicatorArb = fc.record({
  op: fc.constantFrom('>=', '<=', '=', '>', '<', ''),
  target: fc.integer({ min: -50, max: 500 }),
  actual: fc.integer({ min: -100, max: 1000 }),
  weight: fc.integer({ min: 0, max: 60 }),
  threshold: fc.option(fc.integer({ min: -50, max: 500 }), { nil: null }),
  objective: fc.integer({ min: 0, max: 3 }),
});

const settingsArb = fc.record({
  method: fc.constantFrom('proporzionale', 'fasce', 'soglia', 'binario'),
  cap: fc.constantFrom('100%', '120%', '90%'),
  tolerance: fc.constantFrom('0%', '5%'),
});

type Ind = typeof indicatorArb extends fc.Arbitrary<infer T> ? T : never;
type Set = typeof settingsArb extends fc.Arbitrary<infer T> ? T : never;

/** Sheet-shaped plan from generated rows; `text` writes numbers as Italian text, as pasted from a PDF. */
function planOf(rows: Ind[], settings: Set, options: { text?: boolean; weightScale?: number } = {}): PlanInput {
  const scale = options.weightScale ?? 1;
  const weight = (w: number) => (options.text ? `${String(w * scale).replace('.', ',')}%` : (w * scale) / 100);
  const num = (x: number) => (options.text ? String(x).replace('.', ',') : x);
  return {
    sheets: {
      Obiettivi: [
        ['Codice', 'Titolo', 'Padre', 'Peso'],
        ['A', 'Area', null, null],
        ...[0, 1, 2, 3].map((o) => [`A.${o}`, `Obiettivo ${o}`, 'A', weight(10 + o * 5)]),
      ],
      Indicatori: [
        ['Codice', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Soglia'],
        ...rows.map((r, i) => [
          `I${i}`, `A.${r.objective}`, weight(r.weight), `${r.op} ${String(r.target)}`.trim(), num(r.actual),
          r.threshold === null ? null : num(r.threshold),
        ] as CellValue[]),
      ],
      Impostazioni: [['metodo', settings.method], ['tetto', settings.cap], ['tolleranza', settings.tolerance]],
    },
  };
}

/** Results by code, without the write plan (which depends on row positions). */
function byCode(r: ScoreResult) {
  return {
    entity: r.entity,
    objectives: Object.fromEntries(r.objectives.map((o) => [o.code, [o.score, o.achievement, o.rating]])),
    indicators: Object.fromEntries(r.indicators.map((i) => [i.code, [i.achievement, i.score, i.status, i.weight, i.contribution]])),
    groups: r.groups,
  };
}

/** Round so that a different order of additions in a mean cannot fail an equality. */
function rounded(x: unknown): unknown {
  if (typeof x === 'number') return Math.round(x * 1e9) / 1e9;
  if (Array.isArray(x)) return x.map(rounded);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, rounded(v)]));
  return x;
}

/** What a host does: write each block into the tables (replace sheets become the block contents). */
function apply(input: PlanInput, plan: WritePlan): PlanInput {
  const sheets: PlanInput['sheets'] = Object.fromEntries(Object.entries(input.sheets).map(([k, t]) => [k, t.map((r) => [...r])]));
  for (const write of plan.sheets) {
    if (write.replace || !sheets[write.sheet]) sheets[write.sheet] = [];
    const table = sheets[write.sheet];
    for (const block of write.blocks) {
      block.values.forEach((row, i) => row.forEach((v, j) => {
        const r = block.row + i;
        while (table.length <= r) table.push([]);
        table[r][block.col + j] = v;
      }));
    }
  }
  return { sheets };
}

const OUTPUT_HEADERS = new Set([...Object.values(INDICATOR_OUTPUTS), ...Object.values(OBJECTIVE_OUTPUTS)].flatMap((c) => c.aliases));

describe('scoring properties', () => {
  it('keeps every score within [0, cap]', () => {
    fc.assert(fc.property(fc.array(indicatorArb, { minLength: 1, maxLength: 12 }), settingsArb, (rows, settings) => {
      const r = scorePlan(planOf(rows, settings));
      const cap = r.settings.cap;
      const within = (x: number | null) => x === null || (x >= 0 && x <= cap + 1e-12);
      return r.indicators.every((i) => within(i.score)) && r.objectives.every((o) => within(o.score)) && within(r.entity.score);
    }), RUNS);
  });

  it('does not depend on the order of rows', () => {
    fc.assert(fc.property(fc.array(indicatorArb, { minLength: 1, maxLength: 12 }), settingsArb, fc.integer(), (rows, settings, seed) => {
      const input = planOf(rows, settings);
      const shuffled = structuredClone(input);
      const shuffle = (table: CellValue[][]) => {
        const body = table.slice(1);
        let s = seed;
        for (let i = body.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          const j = s % (i + 1);
          [body[i], body[j]] = [body[j], body[i]];
        }
        return [table[0], ...body];
      };
      shuffled.sheets.Indicatori = shuffle(shuffled.sheets.Indicatori);
      shuffled.sheets.Obiettivi = shuffle(shuffled.sheets.Obiettivi);
      expect(rounded(byCode(scorePlan(shuffled)))).toEqual(rounded(byCode(scorePlan(input))));
    }), RUNS);
  });

  // Scales keep every weight at or under 100%: a bare 1,2 in a Peso cell is read as 1,2%, not 120%.
  it('does not depend on the scale of sibling weights', () => {
    fc.assert(fc.property(fc.array(indicatorArb, { minLength: 1, maxLength: 12 }), settingsArb, fc.constantFrom(0.5, 1.5, 0.25), (rows, settings, scale) => {
      const a = byCode(scorePlan(planOf(rows, settings)));
      const b = byCode(scorePlan(planOf(rows, settings, { weightScale: scale })));
      expect(rounded(b)).toEqual(rounded(a));
    }), RUNS);
  });

  it('reads Italian text exactly as real numbers', () => {
    fc.assert(fc.property(fc.array(indicatorArb, { minLength: 1, maxLength: 12 }), settingsArb, (rows, settings) => {
      const numbers = scorePlan(planOf(rows, settings));
      const text = scorePlan(planOf(rows, settings, { text: true }));
      expect(byCode(text)).toEqual(byCode(numbers));
    }), RUNS);
  });

  it('is idempotent and never writes an input cell', () => {
    fc.assert(fc.property(fc.array(indicatorArb, { minLength: 1, maxLength: 12 }), settingsArb, (rows, settings) => {
      const input = planOf(rows, settings);
      const first = scorePlan(input);
      // No block may touch an input column of an input sheet.
      for (const write of first.writePlan.sheets) {
        const table = input.sheets[write.sheet];
        if (!table || write.replace) continue;
        const inputCols = new Set((table[0] ?? []).map((h, c) => (OUTPUT_HEADERS.has(normalizeHeader(h)) ? -1 : c)).filter((c) => c >= 0));
        for (const block of write.blocks) {
          const width = Math.max(...block.values.map((r) => r.length));
          for (let c = block.col; c < block.col + width; c++) expect(inputCols.has(c), `${write.sheet} column ${c}`).toBe(false);
        }
      }
      const once = apply(input, first.writePlan);
      // Input cells byte for byte.
      for (const [name, table] of Object.entries(input.sheets)) {
        table.forEach((row, r) => row.forEach((v, c) => expect(once.sheets[name][r][c]).toEqual(v)));
      }
      const second = scorePlan(once);
      expect(byCode(second)).toEqual(byCode(first));
      expect(second.writePlan).toEqual(first.writePlan);
      expect(apply(once, second.writePlan)).toEqual(once);
    }), { numRuns: 50 });
  });
});
