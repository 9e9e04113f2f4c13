/**
 * The `--json` contract of the command line (and what the host tests compare against): the results of
 * one scoring as plain data, scores as fractions (0.976, not 97.6). Fields are only ever added.
 */
import type { IndicatorResult, Issue, ObjectiveResult, ScoreResult } from './types.js';
import { peopleJson } from './people.js';

function objectiveJson(o: ObjectiveResult) {
  return {
    code: o.code, parent: o.parent, score: o.score, achievement: o.achievement, rating: o.rating,
    ...(o.history ? { history: o.history } : {}),
  };
}

function indicatorJson(i: IndicatorResult, monitoring: boolean) {
  return {
    code: i.code, objective: i.objective, achievement: i.achievement, score: i.score, status: i.status,
    overridden: i.overridden, excluded: i.excluded, weight: i.weight, contribution: i.contribution,
    ...(monitoring ? {
      progress: i.progress ?? false, inProgress: i.inProgress ?? false, cumulative: i.cumulative ?? false,
      gap: i.gap ?? null, history: i.history ?? [], projection: i.projection ?? null,
    } : {}),
  };
}

function issueJson(i: Issue) {
  return { severity: i.severity, sheet: i.sheet, cell: i.cell, message: i.message, code: i.code };
}

/** A list written one element at a time by resultJsonText, built whole by resultJson. */
class Rows<T, U> {
  constructor(readonly items: readonly T[], readonly map: (item: T) => U) {}
  get length(): number {
    return this.items.length;
  }
  at(i: number): U {
    return this.map(this.items[i]);
  }
  all(): U[] {
    return this.items.map((item) => this.map(item));
  }
}

/** The fields in their order; the three lists that grow with the plan are left as Rows. */
function fields(result: ScoreResult) {
  const monitoring = Boolean(result.period);
  return {
    year: result.settings.year,
    method: result.settings.method,
    entity: { score: result.entity.score, rating: result.entity.rating },
    // Monitoring (a workbook with period columns): the period scored, every period, and each row's history.
    ...(result.period ? { period: result.period, periods: result.periods, entityHistory: result.entityHistory } : {}),
    objectives: new Rows(result.objectives, objectiveJson),
    indicators: new Rows(result.indicators, (i: IndicatorResult) => indicatorJson(i, monitoring)),
    groups: result.groups,
    // Individual performance: present when anyone has assignments (Assegnazioni, or Responsabile at any level).
    ...(result.people && result.people.people.length > 0 ? { people: peopleJson(result.people), evaluators: result.people.evaluators } : {}),
    issues: new Rows(result.issues, issueJson),
  };
}

type Built<F> = { [K in keyof F]: F[K] extends { all(): (infer U)[] } ? U[] : F[K] };

export function resultJson(result: ScoreResult): Built<ReturnType<typeof fields>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields(result))) out[key] = value instanceof Rows ? value.all() : value;
  return out as Built<ReturnType<typeof fields>>;
}

export type ResultJson = ReturnType<typeof resultJson>;

const JSON_BATCH = 256;
const BATCH_HEAD = '{\n  "k": [';
const BATCH_TAIL = '\n  ]\n}';

/**
 * `JSON.stringify(resultJson(result), null, 2) + '\n'` in pieces of about `chunkChars` characters, one
 * batch of list elements at a time: a million indicators never exist as one string or as a second object tree.
 */
export function* resultJsonText(result: ScoreResult, chunkChars = 1 << 20): Generator<string> {
  let buffer = '{';
  let first = true;
  for (const [key, value] of Object.entries(fields(result))) {
    if (value === undefined || typeof value === 'function') continue;
    buffer += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (!(value instanceof Rows)) {
      buffer += JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
      continue;
    }
    if (value.length === 0) {
      buffer += '[]';
      continue;
    }
    buffer += '[';
    // A batch of elements goes through one JSON.stringify, as the list's items inside an object: the
    // text between `{"k": [` and `]}` is exactly their indented text, with no re-indenting pass.
    // The first element alone gives the size of one, so a batch stays near half a piece.
    let size = 1;
    let one = 0;
    for (let i = 0; i < value.length; i += size) {
      if (i === 1) size = Math.max(1, Math.min(JSON_BATCH, Math.floor(chunkChars / 2 / Math.max(1, one))));
      const batch: unknown[] = [];
      for (let j = i; j < value.length && j < i + size; j++) batch.push(value.at(j));
      const text = JSON.stringify({ k: batch }, null, 2);
      if (i === 0) one = text.length;
      buffer += (i ? ',' : '') + text.slice(BATCH_HEAD.length, text.length - BATCH_TAIL.length);
      if (buffer.length >= chunkChars) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += '\n  ]';
  }
  yield buffer + (first ? '}\n' : '\n}\n');
}
