/**
 * Rolling scores up the tree: weighted mean by Peso among siblings (simple mean without weights),
 * measured children only and renormalised, objective target and rating, the entity's result, and the
 * grouping views (which never feed the entity's result).
 */
import type { EntityResult, ObjectiveResult, Settings } from './types.js';
import type { IssueSink, ObjectiveRow } from './plan.js';
import type { MeasuredIndicators } from './measure.js';
import { ONE, ZERO, add, cmp, div, fromNumber, sign, toNumber, type Rational } from './decimal.js';
import { ratingFor } from './settings.js';
import { a1 } from './table.js';
import { formatPercent } from './messages.js';

interface Item {
  weight: Rational | null;
  score: number | null;
  excluded: boolean;
  /** Receives the normalised weight used (null when left out). */
  assign(weight: number | null, contribution: number | null): void;
}

export interface RollupSheets {
  objectives: string;
  indicators: string;
  /** Columns for issue addresses: the objective's code and Padre, the indicator's Obiettivo. */
  objectiveCodeCol: number;
  objectiveParentCol: number;
  indicatorObjectiveCol: number;
}

export interface Rollup {
  objectives: ObjectiveResult[];
  entity: EntityResult;
  groups: Record<string, Record<string, number | null>>;
}

/**
 * Mean of the measured items: by weight when every non-excluded item has one, else simple. Weight sums
 * other than exactly 100% and left-out items are reported, never silently absorbed.
 */
function aggregate(items: Item[], parentLabel: string, at: { sheet: string; cell: () => string }, sink: IssueSink, useWeights = true): number | null {
  // The address is worked out only when there is something to report.
  const where = { sheet: at.sheet, get cell() { return at.cell(); } };
  const active = items.filter((i) => !i.excluded);
  const measured = active.filter((i) => i.score !== null);
  for (const i of items) if (i.excluded || i.score === null) i.assign(null, null);
  if (items.length === 0) return null;
  const weighted = items.filter((i) => i.weight !== null);
  let useWeighted = useWeights && weighted.length > 0;
  if (useWeighted && weighted.length < items.length) {
    sink.add('warning', where.sheet, where.cell, 'weights.mixed', { parent: parentLabel });
    useWeighted = false;
  }
  if (useWeighted) {
    const declared = items.reduce((s, i) => add(s, i.weight as Rational), ZERO);
    if (cmp(declared, ONE) !== 0) {
      sink.add('warning', where.sheet, where.cell, 'weights.sum', { parent: parentLabel, sum: formatPercent(toNumber(declared), sink.lang) });
    }
  }
  const leftOut = active.length - measured.length;
  if (leftOut > 0 && measured.length > 0) sink.add('info', where.sheet, where.cell, 'renormalised', { parent: parentLabel, count: leftOut });
  if (measured.length === 0) return null;
  if (useWeighted) {
    const total = measured.reduce((s, i) => add(s, i.weight as Rational), ZERO);
    if (sign(total) === 0) {
      sink.add('warning', where.sheet, where.cell, 'weights.zero', { parent: parentLabel });
    } else {
      // Normalised weights are exact (equal weights, however typed, give the same float); the mean of the
      // scores is plain arithmetic, since scores are already rounded to doubles.
      let sum = 0;
      for (const i of measured) {
        const w = toNumber(div(i.weight as Rational, total));
        const contribution = w * (i.score as number);
        sum += contribution;
        i.assign(w, contribution);
      }
      return sum;
    }
  }
  const w = 1 / measured.length;
  let sum = 0;
  for (const i of measured) sum += i.score as number;
  for (const i of measured) i.assign(w, (i.score as number) / measured.length);
  return sum / measured.length;
}

export function rollUp(
  objectiveRows: ObjectiveRow[],
  measured: MeasuredIndicators,
  settings: Settings,
  sheets: RollupSheets,
  sink: IssueSink,
): Rollup {
  const lang = sink.lang;
  const byCode = new Map(objectiveRows.map((o) => [o.code, o]));
  const children = new Map<string, ObjectiveRow[]>();
  const roots: ObjectiveRow[] = [];
  for (const o of objectiveRows) {
    if (o.parent === null) roots.push(o);
    else if (!byCode.has(o.parent)) {
      sink.add('warning', sheets.objectives, a1(o.row, sheets.objectiveParentCol), 'parent.missing', { parent: o.parent, code: o.code });
      roots.push(o);
    } else {
      const list = children.get(o.parent) ?? [];
      list.push(o);
      children.set(o.parent, list);
    }
  }
  // Objectives not reachable from a root sit on a cycle (or hang below one).
  const reachable = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const o = stack.pop() as ObjectiveRow;
    if (reachable.has(o.code)) continue;
    reachable.add(o.code);
    for (const c of children.get(o.code) ?? []) stack.push(c);
  }
  const reported = new Set<string>();
  for (const o of objectiveRows) {
    if (reachable.has(o.code) || reported.has(o.code)) continue;
    const cycle: string[] = [];
    let cur: ObjectiveRow | undefined = o;
    const seen = new Set<string>();
    while (cur && !seen.has(cur.code)) {
      seen.add(cur.code);
      cur = cur.parent ? byCode.get(cur.parent) : undefined;
    }
    // cur is now the first repeated node: walk the loop once to name it.
    if (cur) {
      let n: ObjectiveRow | undefined = cur;
      do {
        cycle.push((n as ObjectiveRow).code);
        n = byCode.get((n as ObjectiveRow).parent as string);
      } while (n && n.code !== cur.code);
    }
    for (const c of seen) reported.add(c);
    sink.add('error', sheets.objectives, a1(o.row, sheets.objectiveParentCol), 'parent.cycle', { cycle: cycle.join(' → ') || o.code });
  }

  const { indicators, declaredWeights } = measured;
  // Positions, not objects, so the declared weight is an array lookup.
  const indicatorsByObjective = new Map<string, number[]>();
  for (let index = 0; index < indicators.length; index++) {
    const ind = indicators[index];
    if (ind.objective === '') {
      sink.add('error', sheets.indicators, a1(ind.row, sheets.indicatorObjectiveCol), 'objective.blank', { code: ind.code });
      continue;
    }
    if (!byCode.has(ind.objective)) {
      sink.add('error', sheets.indicators, a1(ind.row, sheets.indicatorObjectiveCol), 'objective.missing', { objective: ind.objective, code: ind.code });
      continue;
    }
    const list = indicatorsByObjective.get(ind.objective);
    if (list) list.push(index);
    else indicatorsByObjective.set(ind.objective, [index]);
  }

  const results = new Map<string, ObjectiveResult>();
  const ratingScale = settings.ratingScale;
  // Post-order without recursion: deep plans must not hit the call stack limit.
  const order: { o: ObjectiveRow; depth: number }[] = [];
  const walk: { o: ObjectiveRow; depth: number }[] = roots.map((o) => ({ o, depth: 0 })).reverse();
  while (walk.length) {
    const next = walk.pop() as { o: ObjectiveRow; depth: number };
    order.push(next);
    for (const c of [...(children.get(next.o.code) ?? [])].reverse()) walk.push({ o: c, depth: next.depth + 1 });
  }
  for (let k = order.length - 1; k >= 0; k--) {
    const { o, depth } = order[k];
    const items: Item[] = [];
    for (const c of children.get(o.code) ?? []) {
      const r = results.get(c.code) as ObjectiveResult;
      items.push({ weight: c.weight, score: r.score, excluded: false, assign: () => {} });
    }
    for (const index of indicatorsByObjective.get(o.code) ?? []) {
      const ind = indicators[index];
      items.push({
        weight: declaredWeights[index],
        score: ind.score,
        excluded: ind.excluded,
        assign: (w, c) => {
          ind.weight = w;
          ind.contribution = c;
        },
      });
    }
    const score = aggregate(items, o.code, { sheet: sheets.objectives, cell: () => a1(o.row, sheets.objectiveCodeCol) }, sink);
    if (score === null && items.length > 0) sink.add('info', sheets.objectives, a1(o.row, sheets.objectiveCodeCol), 'objective.empty', { code: o.code });
    const achievement = score === null ? null : o.target !== null ? Math.min(1, toNumber(div(fromNumber(score), fromNumber(o.target)))) : score;
    results.set(o.code, {
      code: o.code,
      title: o.title,
      parent: o.parent !== null && byCode.has(o.parent) ? o.parent : null,
      row: o.row,
      depth,
      score,
      achievement,
      target: o.target,
      declaredWeight: o.weight === null ? null : toNumber(o.weight),
      rating: ratingFor(achievement, ratingScale),
      attributes: o.attributes,
    });
  }

  const rootItems: Item[] = roots.map((o) => ({
    weight: o.weight,
    score: (results.get(o.code) as ObjectiveResult).score,
    excluded: false,
    assign: () => {},
  }));
  const entityScore = aggregate(rootItems, lang === 'it' ? 'Ente' : 'Entity', { sheet: sheets.objectives, cell: () => '' }, sink, settings.entityAggregation === 'weighted');
  const objectives = objectiveRows.filter((o) => results.has(o.code)).map((o) => results.get(o.code) as ObjectiveResult);
  return {
    objectives,
    entity: { score: entityScore, rating: ratingFor(entityScore, ratingScale) },
    groups: groupViews(objectives, results),
  };
}


/**
 * A view per attribute, at every level: a group is the simple mean of the highest objectives of each branch
 * that carry its value. An objective whose ancestor has the same value counts through that ancestor (its
 * result is already in the ancestor's), so a Responsabile set on an operational objective under another
 * Responsabile's strategic one gets a group of its own.
 */
function groupViews(objectives: ObjectiveResult[], byCode: Map<string, ObjectiveResult>): Record<string, Record<string, number | null>> {
  const groups: Record<string, Record<string, number | null>> = {};
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  const ancestorCarries = (o: ObjectiveResult, key: string, value: string): boolean => {
    for (let cur = o.parent ? byCode.get(o.parent) : undefined; cur; cur = cur.parent ? byCode.get(cur.parent) : undefined) {
      if (cur.attributes[key] === value) return true;
    }
    return false;
  };
  for (const o of objectives) {
    for (const [key, value] of Object.entries(o.attributes)) {
      if (ancestorCarries(o, key, value)) continue;
      let byValue = sums.get(key);
      if (!byValue) sums.set(key, (byValue = new Map()));
      const s = byValue.get(value) ?? { sum: 0, n: 0 };
      if (o.score !== null) {
        s.sum += o.score;
        s.n += 1;
      }
      byValue.set(value, s);
    }
  }
  for (const [key, byValue] of sums) {
    groups[key] = {};
    for (const [value, s] of byValue) groups[key][value] = s.n === 0 ? null : s.sum / s.n;
  }
  return groups;
}
