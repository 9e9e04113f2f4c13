/**
 * The `Schede individuali` sheet: one row per person (components, composition, total, band, bonus share),
 * then each evaluator's spread. What to write only; hosts apply it like the other tool sheets.
 */
import type { CellValue, Lang, SheetWrite, WriteBlock } from './types.js';
import { HEADER_TEXT_FILL, PERCENT_FORMAT } from './writeplan.js';
import { formatPercent } from './messages.js';
import { COMPONENTS } from './people-settings.js';
import { componentLabel, type PeopleResult, type PersonResult } from './people.js';

export const AMOUNT_FORMAT = '#,##0.00 "€"';
export const FLAT_FILL = '#FFEB9C';

/** "risultati 60%; organizzativa 20%; comportamenti 20%": the components the total is made of. */
export function compositionText(p: PersonResult, lang: Lang): string {
  return COMPONENTS.filter((c) => p.composition[c] > 0)
    .map((c) => `${componentLabel(c, lang)} ${formatPercent(p.composition[c], lang, 0)}`)
    .join('; ');
}

/** A bold title row, a bold filled header row, then the rows; one number format per column. */
function table(row: number, title: string, headers: string[], rows: CellValue[][], formats: (string | null)[], rowFills?: (string | null)[]): WriteBlock {
  const width = headers.length;
  const pad = (r: CellValue[]) => [...r, ...new Array<CellValue>(Math.max(0, width - r.length)).fill(null)];
  const values = [pad([title]), headers, ...rows.map(pad)];
  return {
    row,
    col: 0,
    values,
    numberFormats: values.map((_, i) => (i < 2 ? new Array<string | null>(width).fill(null) : formats)),
    bold: values.map((_, i) => new Array<boolean>(width).fill(i < 2)),
    fills: values.map((_, i) => new Array<string | null>(width).fill(i === 1 ? HEADER_TEXT_FILL : i > 1 ? rowFills?.[i - 2] ?? null : null)),
  };
}

/**
 * The sheet, or null when the workbook has nobody to score. `name` is the sheet's name as the caller chose
 * it (Schede individuali / Individual scorecards, or another beside a user's sheet of that name).
 */
export function peopleSheet(name: string, result: PeopleResult, lang: Lang, year: number | null): SheetWrite | null {
  if (result.people.length === 0) return null;
  const it = lang === 'it';
  const withBonus = result.people.some((p) => p.bonusShare !== null);
  const withAmount = result.people.some((p) => p.bonusAmount !== null);
  const headers = it
    ? ['Persona', 'Ruolo', 'Valutatore', 'Risultati', 'Organizzativa', 'Comportamenti', 'Composizione', 'Totale', 'Fascia']
    : ['Person', 'Role', 'Evaluator', 'Results', 'Organisational', 'Behaviours', 'Composition', 'Total', 'Band'];
  const formats: (string | null)[] = [null, null, null, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, null, PERCENT_FORMAT, null];
  if (withBonus) {
    headers.push(it ? 'Quota fondo' : 'Fund share');
    formats.push(PERCENT_FORMAT);
  }
  if (withAmount) {
    headers.push(it ? 'Importo' : 'Amount');
    formats.push(AMOUNT_FORMAT);
  }
  const rows = result.people.map((p) => {
    const row: CellValue[] = [p.name, p.role, p.evaluator, p.results, p.organisational, p.behaviours, compositionText(p, lang), p.total, p.band];
    if (withBonus) row.push(p.bonusShare);
    if (withAmount) row.push(p.bonusAmount);
    return row;
  });
  const title = (it ? 'Schede individuali' : 'Individual scorecards') + (year === null ? '' : ` ${year}`);
  const blocks: WriteBlock[] = [table(0, title, headers, rows, formats)];

  if (result.evaluators.length > 0) {
    const evaluatorHeaders = it
      ? ['Valutatore', 'Persone', 'Media', 'Deviazione standard', 'In fascia più alta', 'Differenziazione']
      : ['Evaluator', 'People', 'Mean', 'Standard deviation', 'In the top band', 'Differentiation'];
    const verdict = (flat: boolean) => (flat ? (it ? 'Piatta' : 'Flat') : it ? 'Differenziata' : 'Differentiated');
    blocks.push(
      table(
        rows.length + 3,
        it ? 'Differenziazione dei giudizi per valutatore' : 'Differentiation by evaluator',
        evaluatorHeaders,
        result.evaluators.map((e) => [e.evaluator, e.count, e.mean, e.standardDeviation, e.topBandShare, e.count < 2 ? null : verdict(e.flat)]),
        [null, null, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, null],
        result.evaluators.map((e) => (e.flat ? FLAT_FILL : null)),
      ),
    );
  }
  const widths = [28, 16, 24, 12, 14, 15, 44, 10, 14, 12, 14];
  return {
    sheet: name,
    replace: true,
    pageSetup: { landscape: true, fitToWidth: true, printTitleRows: 2 },
    frozenRows: 2,
    blocks,
    columnWidths: widths.slice(0, headers.length).map((width, col) => ({ col, width })),
  };
}
