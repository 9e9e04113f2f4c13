/**
 * What changed between two versions of a plan, by code (row order does not matter): targets, weights,
 * actuals, overrides and notes added, removed or changed, and how the scores moved up the tree.
 */
import type { IndicatorResult, Lang, ObjectiveResult, PlanInput, ScoreResult } from '../core/types.js';
import { formatPercent } from '../core/index.js';
import { escapeXml as esc } from '../ui/charts.js';

export interface Version {
  input: PlanInput;
  result: ScoreResult;
}

export type Field = 'target' | 'weight' | 'actual' | 'override' | 'note' | 'excluded' | 'objective' | 'title' | 'parent' | 'name';

export interface FieldChange {
  kind: 'indicator' | 'objective';
  code: string;
  field: Field;
  before: string;
  after: string;
}

export interface ScoreMove {
  code: string;
  before: number | null;
  after: number | null;
}

export interface Impact {
  /** The indicator (or objective) whose change this follows. */
  code: string;
  kind: 'indicator' | 'objective';
  /** The changed item, then each ancestor, then the entity (code ""): only the levels whose score moved. */
  path: ScoreMove[];
}

export interface PlanDiff {
  added: { kind: 'indicator' | 'objective'; code: string; label: string }[];
  removed: { kind: 'indicator' | 'objective'; code: string; label: string }[];
  changed: FieldChange[];
  entity: ScoreMove;
  impacts: Impact[];
}

const pct = (x: number | null) => (x === null ? '' : formatPercent(x, 'it'));

function indicatorFields(i: IndicatorResult): Record<Field, string> {
  return {
    name: i.name,
    objective: i.objective,
    target: i.targetText,
    weight: pct(i.declaredWeight),
    actual: i.actualText,
    override: i.overridden ? pct(i.score) : '',
    note: i.note,
    excluded: i.excluded ? 'si' : '',
    title: '',
    parent: '',
  };
}

function objectiveFields(o: ObjectiveResult): Record<Field, string> {
  return {
    title: o.title,
    parent: o.parent ?? '',
    weight: pct(o.declaredWeight),
    target: o.target === null ? '' : pct(o.target),
    name: '', objective: '', actual: '', override: '', note: '', excluded: '',
  };
}

const INDICATOR_FIELDS: Field[] = ['name', 'objective', 'target', 'weight', 'actual', 'override', 'note', 'excluded'];
const OBJECTIVE_FIELDS: Field[] = ['title', 'parent', 'weight', 'target'];

function moved(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) !== (b ?? null);
  return Math.abs(a - b) > 1e-12;
}

export function diffPlans(before: Version, after: Version): PlanDiff {
  const diff: PlanDiff = {
    added: [],
    removed: [],
    changed: [],
    entity: { code: '', before: before.result.entity.score, after: after.result.entity.score },
    impacts: [],
  };
  const compare = <T extends { code: string }>(kind: 'indicator' | 'objective', a: T[], b: T[], fields: Field[], read: (x: T) => Record<Field, string>, label: (x: T) => string) => {
    const mapA = new Map(a.map((x) => [x.code, x]));
    const mapB = new Map(b.map((x) => [x.code, x]));
    for (const x of a) if (!mapB.has(x.code)) diff.removed.push({ kind, code: x.code, label: label(x) });
    for (const y of b) {
      const x = mapA.get(y.code);
      if (!x) {
        diff.added.push({ kind, code: y.code, label: label(y) });
        continue;
      }
      const fa = read(x);
      const fb = read(y);
      for (const f of fields) if (fa[f] !== fb[f]) diff.changed.push({ kind, code: y.code, field: f, before: fa[f], after: fb[f] });
    }
  };
  compare('objective', before.result.objectives, after.result.objectives, OBJECTIVE_FIELDS, objectiveFields, (o) => o.title);
  compare('indicator', before.result.indicators, after.result.indicators, INDICATOR_FIELDS, indicatorFields, (i) => i.name);

  // Follow each changed, added or removed item up its tree (the newer version's, else the older's).
  const objA = new Map(before.result.objectives.map((o) => [o.code, o]));
  const objB = new Map(after.result.objectives.map((o) => [o.code, o]));
  const indA = new Map(before.result.indicators.map((i) => [i.code, i]));
  const indB = new Map(after.result.indicators.map((i) => [i.code, i]));
  const touched = new Map<string, 'indicator' | 'objective'>();
  for (const c of diff.changed) touched.set(`${c.kind}:${c.code}`, c.kind);
  for (const c of [...diff.added, ...diff.removed]) touched.set(`${c.kind}:${c.code}`, c.kind);
  for (const [key, kind] of touched) {
    const code = key.slice(kind.length + 1);
    const path: ScoreMove[] = [];
    let parent: string | null;
    if (kind === 'indicator') {
      const a = indA.get(code);
      const b = indB.get(code);
      path.push({ code, before: a?.score ?? null, after: b?.score ?? null });
      parent = (b ?? a)?.objective ?? null;
    } else parent = code;
    const seen = new Set<string>();
    while (parent !== null && !seen.has(parent)) {
      seen.add(parent);
      const a = objA.get(parent);
      const b = objB.get(parent);
      path.push({ code: parent, before: a?.score ?? null, after: b?.score ?? null });
      parent = (b ?? a)?.parent ?? null;
    }
    path.push(diff.entity);
    diff.impacts.push({ code, kind, path: path.filter((m) => moved(m.before, m.after)) });
  }
  return diff;
}

const WORDS = {
  it: {
    title: 'Differenze tra le versioni del piano', entity: 'Risultato dell\'ente', added: 'Aggiunti', removed: 'Rimossi',
    changed: 'Modifiche', impacts: 'Effetto sui punteggi', none: 'Nessuna differenza.', indicator: 'Indicatore',
    objective: 'Obiettivo', field: 'Campo', before: 'Prima', after: 'Dopo', code: 'Codice', noMove: 'nessun punteggio cambiato',
    entityCode: 'Ente',
    fields: { target: 'Target', weight: 'Peso', actual: 'Consuntivo', override: 'Override', note: 'Nota', excluded: 'Neutralizzato', objective: 'Obiettivo', title: 'Titolo', parent: 'Padre', name: 'Indicatore' },
  },
  en: {
    title: 'Changes between plan versions', entity: 'Entity result', added: 'Added', removed: 'Removed',
    changed: 'Changes', impacts: 'Effect on scores', none: 'No differences.', indicator: 'Indicator',
    objective: 'Objective', field: 'Field', before: 'Before', after: 'After', code: 'Code', noMove: 'no score moved',
    entityCode: 'Entity',
    fields: { target: 'Target', weight: 'Weight', actual: 'Actual', override: 'Override', note: 'Note', excluded: 'Excluded', objective: 'Objective', title: 'Title', parent: 'Parent', name: 'Indicator' },
  },
} satisfies Record<Lang, unknown>;

function moveText(m: ScoreMove, lang: Lang): string {
  const w = WORDS[lang];
  return `${m.code === '' ? w.entityCode : m.code} ${formatPercent(m.before, lang)} → ${formatPercent(m.after, lang)}`;
}

export function isEmpty(diff: PlanDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

export function formatDiffText(diff: PlanDiff, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [w.title, `${w.entity}: ${formatPercent(diff.entity.before, lang)} → ${formatPercent(diff.entity.after, lang)}`];
  if (isEmpty(diff)) return [...lines, w.none].join('\n');
  const kindWord = (k: 'indicator' | 'objective') => (k === 'indicator' ? w.indicator : w.objective);
  if (diff.added.length) lines.push('', `${w.added}:`, ...diff.added.map((a) => `  + ${kindWord(a.kind)} ${a.code} ${a.label}`));
  if (diff.removed.length) lines.push('', `${w.removed}:`, ...diff.removed.map((a) => `  - ${kindWord(a.kind)} ${a.code} ${a.label}`));
  if (diff.changed.length) {
    lines.push('', `${w.changed}:`, ...diff.changed.map((c) => `  ~ ${kindWord(c.kind)} ${c.code} ${w.fields[c.field]}: "${c.before}" → "${c.after}"`));
  }
  lines.push('', `${w.impacts}:`, ...diff.impacts.map((i) => `  ${kindWord(i.kind)} ${i.code}: ${i.path.length ? i.path.map((m) => moveText(m, lang)).join(' ⇒ ') : w.noMove}`));
  return lines.join('\n');
}

export function renderDiff(diff: PlanDiff, lang: Lang): string {
  const w = WORDS[lang];
  const kindWord = (k: 'indicator' | 'objective') => (k === 'indicator' ? w.indicator : w.objective);
  const list = (title: string, items: PlanDiff['added'], sign: string) => items.length === 0 ? '' :
    `<h2>${title}</h2><table><thead><tr><th></th><th>${w.code}</th><th></th></tr></thead><tbody>${items.map((a) => `<tr><td>${sign} ${kindWord(a.kind)}</td><td>${esc(a.code)}</td><td>${esc(a.label)}</td></tr>`).join('')}</tbody></table>`;
  const changed = diff.changed.length === 0 ? '' :
    `<h2>${w.changed}</h2><table><thead><tr><th></th><th>${w.code}</th><th>${w.field}</th><th>${w.before}</th><th>${w.after}</th></tr></thead><tbody>${diff.changed.map((c) => `<tr><td>${kindWord(c.kind)}</td><td>${esc(c.code)}</td><td>${w.fields[c.field]}</td><td>${esc(c.before)}</td><td>${esc(c.after)}</td></tr>`).join('')}</tbody></table>`;
  const impacts = diff.impacts.length === 0 ? '' :
    `<h2>${w.impacts}</h2><ul>${diff.impacts.map((i) => `<li>${kindWord(i.kind)} <strong>${esc(i.code)}</strong>: ${i.path.length ? i.path.map((m) => esc(moveText(m, lang))).join(' ⇒ ') : w.noMove}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${w.title}</title><style>
body{font-family:"DejaVu Sans",system-ui,sans-serif;font-size:10.5pt;max-width:186mm;margin:0 auto;padding:12px}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:9pt}th,td{border:1px solid #D1D5DB;padding:3pt 4pt;overflow-wrap:anywhere;vertical-align:top}
th{background:#DDEBF7;text-align:left}thead{display:table-header-group}tr{break-inside:avoid}@page{size:A4;margin:14mm 12mm}
</style></head><body><h1>${w.title}</h1><p>${w.entity}: <strong>${formatPercent(diff.entity.before, lang)} → ${formatPercent(diff.entity.after, lang)}</strong></p>
${isEmpty(diff) ? `<p>${w.none}</p>` : ''}${list(w.added, diff.added, '+')}${list(w.removed, diff.removed, '−')}${changed}${impacts}</body></html>
`;
}
