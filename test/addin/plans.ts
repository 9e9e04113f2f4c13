/**
 * Workbooks the pane tests share, made from the bundled example: one monitored at 30/06 (a `Consuntivo 30/06`
 * column beside the year's), one whose people come from Responsabile alone (so only "Calcola schede" writes
 * the Schede individuali sheet).
 */
import pira from '../fixtures/pira-2024.json' with { type: 'json' };
import type { PlanInput } from '../../src/core/types.js';
import { withoutPeriods } from '../fixtures/without-periods.js';

/**
 * The bundled example as a workbook without periods: its own monitoring columns (Cumulativo, Consuntivo 30/06)
 * left out, so the plain pane is tested on the plain plan and the monitored one on monitoredPlan below.
 */
export function piraPlan(): PlanInput {
  return withoutPeriods(pira as PlanInput);
}

/** Half of each numeric year-end actual at 30/06 (the other actuals as at the year's end). */
export function monitoredPlan(): PlanInput {
  const plan = piraPlan();
  const indicators = plan.sheets.Indicatori;
  const col = (indicators[0] as string[]).indexOf('Consuntivo');
  indicators.forEach((row, i) => {
    const actual = row[col];
    row.splice(col + 1, 0, i === 0 ? 'Consuntivo 30/06' : typeof actual === 'number' ? actual / 2 : actual);
  });
  return plan;
}

/** No Assegnazioni or Comportamenti sheet: the Responsabile of the objectives are the people. */
export function ownersPlan(): PlanInput {
  const plan = piraPlan();
  delete plan.sheets.Assegnazioni;
  delete plan.sheets.Comportamenti;
  return plan;
}
