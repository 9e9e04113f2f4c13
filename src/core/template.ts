/**
 * The empty cruscotto (`cruscotto init`, "Crea modello") and the one edit a pane makes to Impostazioni.
 */
import type { CellValue, Lang, Method, PlanInput, SheetWrite, WriteBlock, WritePlan } from './types.js';
import { INDICATOR_COLUMNS, OBJECTIVE_COLUMNS, SETTING_KEYS } from './columns.js';
import { SHEETS, findSheet } from './table.js';
import type { Table } from './types.js';
import { HEADER_TEXT_FILL, PERCENT_FORMAT } from './writeplan.js';
import { readSettings, methodLabel } from './settings.js';

type Doc = Record<Lang, string>;

const OBJECTIVE_DOCS: Record<keyof typeof OBJECTIVE_COLUMNS, Doc> = {
  code: { it: 'Codice univoco dell\'obiettivo, trattato come testo (es. 1.1, 01_01_OS01).', en: 'Unique objective code, read as text (e.g. 1.1, 01_01_OS01).' },
  title: { it: 'Titolo dell\'obiettivo.', en: 'Objective title.' },
  parent: { it: 'Codice dell\'obiettivo padre; vuoto = primo livello (area o obiettivo strategico).', en: 'Parent objective code; empty = top level.' },
  weight: { it: 'Peso rispetto agli obiettivi fratelli (es. 14,29%). Vuoto per tutti = media semplice.', en: 'Weight among sibling objectives (e.g. 14.29%). Empty for all = simple mean.' },
  perspective: { it: 'Prospettiva BSC, usata per la vista per gruppo (non entra nel risultato dell\'ente).', en: 'BSC perspective, used for the grouping view (does not feed the entity result).' },
  target: { it: 'Target dell\'obiettivo (es. 80%): % raggiungimento = risultato/target, max 100%.', en: 'Objective target (e.g. 80%): % achievement = result/target, at most 100%.' },
  owner: { it: 'Responsabile (dirigente o servizio).', en: 'Owner (manager or office).' },
};

const INDICATOR_DOCS: Partial<Record<keyof typeof INDICATOR_COLUMNS, Doc>> = {
  code: { it: 'Codice univoco dell\'indicatore (testo).', en: 'Unique indicator code (text).' },
  name: { it: 'Nome e formula dell\'indicatore.', en: 'Indicator name and formula.' },
  objective: { it: 'Codice dell\'obiettivo a cui appartiene.', en: 'Code of the objective it belongs to.' },
  weight: { it: 'Peso nell\'obiettivo (es. 14,29%).', en: 'Weight within its objective (e.g. 14.29%).' },
  target: { it: 'Target come scritto nel piano: ">= 45,00 %", "<= 1,45 gg", "Entro 31-12-2025", "= si", "n.d.". Per più anni: colonne Target 2025, Target 2026...', en: 'Target as written in the plan: ">= 45,00 %", "<= 1,45 gg", "Entro 31-12-2025", "= si", "n.d.". For several years: columns Target 2025, Target 2026...' },
  threshold: { it: 'Soglia minima: sotto di essa il punteggio è 0.', en: 'Minimum threshold: below it the score is 0.' },
  actual: { it: 'Consuntivo: valore misurato (numero, percentuale, data, si/no).', en: 'Actual: measured value (number, percent, date, yes/no).' },
  direction: { it: 'max (più alto è meglio) o min, per target senza comparatore.', en: 'max (higher is better) or min, for targets without a comparator.' },
  unit: { it: 'Unità di misura: n., %, gg, €, data, si/no.', en: 'Unit: n., %, days, €, date, yes/no.' },
  method: { it: 'Metodo per questa riga, se diverso da quello del piano.', en: 'Method for this row, when different from the plan\'s.' },
  override: { it: 'Punteggio rideterminato dall\'OIV (es. 60%); richiede la Nota.', en: 'Score set by the OIV (e.g. 60%); requires a Note.' },
  note: { it: 'Nota (obbligatoria con Override).', en: 'Note (required with Override).' },
  excluded: { it: 'si = indicatore neutralizzato: escluso e pesi rinormalizzati.', en: 'yes = excluded indicator: left out and weights renormalised.' },
  cumulative: { it: 'Monitoraggio: si = conteggio che si somma nel corso dell\'anno (al 30/06 è avanzamento verso il target dell\'anno); no = valore puntuale (tasso, tempo, percentuale). Vuoto: si per i numeri da far crescere. Consuntivi intermedi in colonne Consuntivo 30/06, Consuntivo T1...', en: 'Monitoring: yes = a count that adds up through the year (at 30/06 it is progress towards the year\'s target); no = a point-in-time value (rate, time, percentage). Empty: yes for numbers meant to grow. Interim actuals in columns Consuntivo 30/06, Consuntivo Q1...' },
};

const INDICATOR_TEMPLATE_ORDER: (keyof typeof INDICATOR_COLUMNS)[] = [
  'code', 'name', 'objective', 'weight', 'unit', 'baseline', 'target', 'threshold', 'actual', 'direction', 'method',
  'override', 'note', 'excluded', 'cumulative',
];

const METHOD_LIST: Record<Lang, string[]> = {
  it: ['proporzionale', 'fasce', 'soglia', 'binario'],
  en: ['linear', 'bands', 'threshold', 'binary'],
};
const DIRECTION_LIST: Record<Lang, string[]> = { it: ['max', 'min'], en: ['max', 'min'] };
const YES_NO: Record<Lang, string[]> = { it: ['si', 'no'], en: ['yes', 'no'] };
const TEMPLATE_ROWS = 500;

function headerBlock(headers: string[], notes: (string | null)[]): WriteBlock {
  return {
    row: 0,
    col: 0,
    values: [headers],
    bold: [headers.map(() => true)],
    fills: [headers.map(() => HEADER_TEXT_FILL)],
    notes: [notes],
  };
}

function settingsRows(lang: Lang, year: number | null, method: Method): CellValue[][] {
  const k = (key: keyof typeof SETTING_KEYS) => (lang === 'it' ? SETTING_KEYS[key].it : SETTING_KEYS[key].en);
  return [
    [lang === 'it' ? 'Chiave' : 'Key', lang === 'it' ? 'Valore' : 'Value'],
    [k('year'), year],
    [k('method'), methodLabel(method, lang)],
    [k('bands'), '99%:100%; 80%:80%; 0%:0%'],
    [k('tolerance'), 0],
    [k('cap'), 1],
    [k('entityAggregation'), lang === 'it' ? 'media ponderata' : 'weighted mean'],
    [k('ratingScale'), '90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente'],
    // Shown empty so the analyst finds them: the entity's name for the report, the monitoring period.
    [k('entityName'), null],
    [k('period'), null],
  ];
}

function settingsSheet(lang: Lang, year: number | null, method: Method): SheetWrite {
  const rows = settingsRows(lang, year, method);
  return {
    sheet: SHEETS.settings[lang],
    replace: true,
    frozenRows: 1,
    blocks: [{
      row: 0,
      col: 0,
      values: rows,
      bold: rows.map((_, r) => [r === 0, r === 0]),
      numberFormats: rows.map((r) => [null, r[0] === (lang === 'it' ? 'tolleranza' : 'tolerance') || r[0] === (lang === 'it' ? 'tetto' : 'cap') ? PERCENT_FORMAT : null]),
    }],
    columnWidths: [{ col: 0, width: 22 }, { col: 1, width: 60 }],
    validations: [{ col: 1, fromRow: 2, toRow: 2, list: METHOD_LIST[lang] }],
  };
}

export function templatePlan(lang: Lang): WritePlan {
  const objectiveKeys = Object.keys(OBJECTIVE_COLUMNS) as (keyof typeof OBJECTIVE_COLUMNS)[];
  const objHeaders = objectiveKeys.map((key) => OBJECTIVE_COLUMNS[key][lang]);
  const indHeaders = INDICATOR_TEMPLATE_ORDER.map((key) => INDICATOR_COLUMNS[key][lang]);
  const colOf = (key: keyof typeof INDICATOR_COLUMNS) => INDICATOR_TEMPLATE_ORDER.indexOf(key);
  return {
    sheets: [
      {
        sheet: SHEETS.objectives[lang],
        replace: true,
        frozenRows: 1,
        blocks: [headerBlock(objHeaders, objectiveKeys.map((key) => OBJECTIVE_DOCS[key][lang]))],
        columnWidths: objHeaders.map((_, col) => ({ col, width: col === 1 ? 48 : 16 })),
      },
      {
        sheet: SHEETS.indicators[lang],
        replace: true,
        frozenRows: 1,
        blocks: [headerBlock(indHeaders, INDICATOR_TEMPLATE_ORDER.map((key) => INDICATOR_DOCS[key]?.[lang] ?? null))],
        columnWidths: indHeaders.map((_, col) => ({ col, width: col === 1 ? 48 : 14 })),
        validations: [
          { col: colOf('direction'), fromRow: 1, toRow: TEMPLATE_ROWS, list: DIRECTION_LIST[lang] },
          { col: colOf('method'), fromRow: 1, toRow: TEMPLATE_ROWS, list: METHOD_LIST[lang] },
          { col: colOf('excluded'), fromRow: 1, toRow: TEMPLATE_ROWS, list: YES_NO[lang] },
          { col: colOf('cumulative'), fromRow: 1, toRow: TEMPLATE_ROWS, list: YES_NO[lang] },
        ],
      },
      settingsSheet(lang, null, 'linear'),
    ],
  };
}

/**
 * Year and method edited in a pane: only the value cells of those keys are written (rows appended when
 * the key is absent); a workbook without Impostazioni gets the whole sheet.
 */
export function settingsUpdatePlan(
  input: PlanInput,
  changes: { year?: number | null; method?: Method | null },
  lang: Lang = 'it',
): WritePlan {
  const found = findSheet(input.sheets, SHEETS.settings);
  if (!found) {
    return { sheets: [settingsSheet(lang, changes.year ?? null, changes.method ?? 'linear')] };
  }
  const { rows } = readSettings(found.table, found.name, lang);
  const blocks: WriteBlock[] = [];
  let next = found.table.length;
  const put = (key: 'year' | 'method', value: CellValue) => {
    const row = rows[key];
    if (row !== undefined) blocks.push({ row, col: 1, values: [[value]] });
    else blocks.push({ row: next++, col: 0, values: [[SETTING_KEYS[key][lang], value]] });
  };
  if (changes.year !== undefined) put('year', changes.year);
  if (changes.method !== undefined) put('method', changes.method === null ? null : methodLabel(changes.method, lang));
  return { sheets: [{ sheet: found.name, replace: false, blocks }] };
}

/** The template sheets a workbook lacks: "Crea modello" never overwrites a sheet that is already there. */
export function missingTemplatePlan(input: PlanInput, lang: Lang): WritePlan {
  const plan = templatePlan(lang);
  const kinds = Object.values(SHEETS);
  plan.sheets = plan.sheets.filter((s) => {
    const kind = kinds.find((k) => k[lang] === s.sheet);
    return !kind || !findSheet(input.sheets, kind);
  });
  return plan;
}

/** Year and method as a pane shows them: null when Impostazioni does not set them. */
export function paneSettings(input: PlanInput): { year: number | null; method: Method | null } {
  const found = findSheet(input.sheets as Record<string, Table>, SHEETS.settings);
  if (!found) return { year: null, method: null };
  const { settings, rows } = readSettings(found.table, found.name, 'it');
  return { year: settings.year, method: rows.method === undefined ? null : settings.method };
}
