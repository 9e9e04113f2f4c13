/**
 * The `--json` contract of the command line (and what the host tests compare against): the results of
 * one scoring as plain data, scores as fractions (0.976, not 97.6). Fields are only ever added.
 */
import type { ScoreResult } from './types.js';
import { peopleJson } from './people.js';

export function resultJson(result: ScoreResult) {
  return {
    year: result.settings.year,
    method: result.settings.method,
    entity: { score: result.entity.score, rating: result.entity.rating },
    // Monitoring (a workbook with period columns): the period scored, every period, and each row's history.
    ...(result.period ? { period: result.period, periods: result.periods, entityHistory: result.entityHistory } : {}),
    objectives: result.objectives.map((o) => ({
      code: o.code, parent: o.parent, score: o.score, achievement: o.achievement, rating: o.rating,
      ...(o.history ? { history: o.history } : {}),
    })),
    indicators: result.indicators.map((i) => ({
      code: i.code, objective: i.objective, achievement: i.achievement, score: i.score, status: i.status,
      overridden: i.overridden, excluded: i.excluded, weight: i.weight, contribution: i.contribution,
      ...(result.period ? {
        progress: i.progress ?? false, inProgress: i.inProgress ?? false, cumulative: i.cumulative ?? false,
        gap: i.gap ?? null, history: i.history ?? [], projection: i.projection ?? null,
      } : {}),
    })),
    groups: result.groups,
    // Individual performance: present when anyone has assignments (Assegnazioni, or Responsabile at any level).
    ...(result.people && result.people.people.length > 0 ? { people: peopleJson(result.people), evaluators: result.people.evaluators } : {}),
    issues: result.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, message: i.message, code: i.code })),
  };
}

export type ResultJson = ReturnType<typeof resultJson>;
