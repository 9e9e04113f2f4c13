/**
 * Scoring each indicator row on its own: read the actual and threshold in the target's kind, apply the
 * row's method, then the OIV's override and neutralisation.
 */
import type { CellValue, IndicatorResult, Lang, Settings, Status } from './types.js';
import type { IndicatorRow, IndicatorTable, IssueSink } from './plan.js';
import { readActual } from './actual.js';
import { scoreMeasure } from './score.js';
import { a1 } from './table.js';
import { cleanText, dateToSerial, isBlank, isNotDefined, italianDate } from './cell.js';
import { formatNumber, formatPercent, t } from './messages.js';
import { toNumber, type Rational } from './decimal.js';

export interface MeasuredIndicators {
  indicators: IndicatorResult[];
  /** The Peso of each indicator as written, exact, aligned with `indicators`; internal to the roll-up. */
  declaredWeights: (Rational | null)[];
}

export function measureIndicators(plan: IndicatorTable, settings: Settings, sheet: string, sink: IssueSink): MeasuredIndicators {
  const lang = sink.lang;
  const indicators = plan.rows.map((row) => {
    const result: IndicatorResult = {
      code: row.code,
      name: row.name,
      objective: row.objective,
      row: row.row,
      target: typeof row.target === 'object' && row.target !== null ? row.target.plain : null,
      achievement: null,
      score: null,
      computedScore: null,
      status: 'notMeasured',
      overridden: false,
      excluded: row.excluded,
      contribution: null,
      weight: null,
      note: row.note,
      daysLate: null,
      targetText: row.targetText,
      actualText: actualText(row.actualCell, row.target, lang),
      declaredWeight: row.weight === null ? null : toNumber(row.weight),
    };
    if (row.excluded) {
      result.status = 'excluded';
      sink.add('info', sheet, a1(row.row, plan.excludedCol), 'excluded.info', { code: row.code });
      return result;
    }
    const target = row.target;
    if (target !== null && typeof target === 'object') {
      if (isBlank(row.actualCell)) {
        sink.add('warning', sheet, a1(row.row, Math.max(plan.actualCol, 0)), 'actual.missing', { code: row.code });
      } else {
        const reading = readActual(row.actualCell, target.kind, plan.year);
        if (!reading.ok) {
          sink.add('error', sheet, a1(row.row, plan.actualCol), 'actual.kind', {
            code: row.code, text: cleanText(row.actualCell), expected: t(lang, `kind.${target.kind as 'number'}`),
          });
        } else {
          if (reading.percentScale) {
            const text = cleanText(row.actualCell).replace('.', lang === 'it' ? ',' : '.');
            sink.add('warning', sheet, a1(row.row, plan.actualCol), 'actual.percentScale', {
              code: row.code, text, percent: formatPercent(Number(row.actualCell) || Number(text.replace(',', '.')), lang),
            });
          }
          let threshold = null;
          if (!isBlank(row.thresholdCell) && !isNotDefined(row.thresholdCell) && target.kind !== 'boolean') {
            const th = readActual(row.thresholdCell, target.kind, plan.year);
            if (th.ok && th.actual.kind === 'number') threshold = th.actual.value;
            else sink.add('error', sheet, a1(row.row, plan.thresholdCol), 'threshold.unreadable', { code: row.code, text: cleanText(row.thresholdCell) });
          }
          let method = row.method ?? settings.method;
          if (method === 'threshold' && threshold === null && target.kind !== 'boolean') {
            sink.add('warning', sheet, a1(row.row, Math.max(plan.thresholdCol, 0)), 'threshold.missing', { code: row.code });
            method = 'linear';
          }
          const scored = scoreMeasure(target, reading.actual, threshold, row.direction, { ...settings, method });
          result.achievement = scored.achievement;
          result.score = scored.score;
          result.computedScore = scored.score;
          result.daysLate = scored.daysLate;
          result.status = statusOf(scored.met, scored.score);
        }
      }
    }
    if (row.override !== null) {
      result.score = Math.min(row.override, settings.cap);
      result.overridden = true;
      result.status = 'overridden';
    }
    return result;
  });
  return { indicators, declaredWeights: plan.rows.map((r) => r.weight) };
}

function statusOf(met: boolean, score: number): Status {
  if (met) return 'met';
  return score > 0 ? 'partial' : 'notMet';
}



/** The actual as it reads in a report: text as typed, real cells formatted for the target's kind. */
function actualText(v: CellValue, target: IndicatorRow['target'], lang: Lang): string {
  if (v instanceof Date) return italianDate(dateToSerial(v));
  if (typeof v === 'boolean') return v ? (lang === 'it' ? 'si' : 'yes') : 'no';
  if (typeof v === 'number') {
    const kind = typeof target === 'object' && target !== null ? target.kind : null;
    if (kind === 'date' && Number.isInteger(v)) return italianDate(v);
    if (kind === 'percent') return formatPercent(v, lang);
    return formatNumber(v, lang, Number.isInteger(v) ? 0 : 2);
  }
  return cleanText(v);
}
