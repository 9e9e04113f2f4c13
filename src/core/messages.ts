/**
 * Every user-facing sentence of the core, Italian first. Hosts show `message` as is, so a message must
 * make sense without the code that produced it.
 */
import type { Lang } from './types.js';

type Params = Record<string, string | number>;
/** A parameter that is itself a sentence fragment carries both languages. */
type BilingualParams = Record<string, string | number | Record<Lang, string>>;
type Entry = Record<Lang, string>;

/** Exported for the test that every sentence has both languages with the same placeholders. */
export const MESSAGES = {
  'sheet.missing': { it: 'Manca il foglio {sheet}.', en: 'The {sheet} sheet is missing.' },
  'formula.uncached': { it: 'La cella contiene una formula senza valore calcolato (file salvato da un programma che non calcola): aprire e salvare il file in Excel o LibreOffice.', en: 'The cell holds a formula with no computed value (saved by a program that does not calculate): open and save the file in Excel or LibreOffice.' },
  'output.renamed': { it: 'Il foglio «{sheet}» è dell\'utente e non viene toccato: i risultati sono scritti in «{output}».', en: 'Sheet "{sheet}" belongs to the user and is left alone: results are written to "{output}".' },
  'period.unreadable': { it: 'Colonna «{header}»: periodo non riconosciuto (usare 30/06, S1, T2, giugno...): colonna ignorata.', en: 'Column "{header}": unknown period (use 30/06, S1, Q2, June...): column ignored.' },
  'period.otherYear': { it: 'Colonna «{header}»: il periodo non è dell\'anno {year}: colonna ignorata.', en: 'Column "{header}": the period is not in {year}: column ignored.' },
  'period.duplicate': { it: 'Colonna «{header}»: periodo già presente in un\'altra colonna: colonna ignorata.', en: 'Column "{header}": the period already has a column: column ignored.' },
  'period.targetOnly': { it: 'Colonna «{header}»: target intermedio senza la colonna Consuntivo dello stesso periodo: ignorata.', en: 'Column "{header}": interim target without an Actual column for the same period: ignored.' },
  'period.unknown': { it: 'Periodo «{period}» non trovato tra le colonne (periodi: {periods}): valutato il periodo predefinito.', en: 'Period "{period}" not found among the columns (periods: {periods}): the default period is scored.' },
  'period.chosen': { it: 'Monitoraggio al {period}: ultimo periodo con consuntivi (a fine anno non ce ne sono ancora).', en: 'Monitoring at {period}: the latest period with actuals (none yet at year end).' },
  'period.scored': { it: 'Monitoraggio al {period}: senza target intermedio, il consuntivo è l\'avanzamento verso il target dell\'anno.', en: 'Monitoring at {period}: without an interim target, the actual is progress towards the year\'s target.' },
  'column.missing': { it: 'Manca la colonna {column} nel foglio {sheet}.', en: 'Column {column} is missing from sheet {sheet}.' },
  'code.missing': { it: 'Riga senza codice: riga ignorata.', en: 'Row without a code: row ignored.' },
  'code.duplicate': { it: 'Codice {code} duplicato (già alla riga {first}): questa riga è ignorata.', en: 'Duplicate code {code} (already on row {first}): this row is ignored.' },
  'parent.missing': { it: 'L\'obiettivo padre {parent} non esiste: {code} è trattato come obiettivo di primo livello.', en: 'Parent objective {parent} does not exist: {code} is treated as a top-level objective.' },
  'parent.cycle': { it: 'Ciclo tra obiettivi ({cycle}): questi obiettivi sono esclusi dal risultato dell\'ente.', en: 'Cycle between objectives ({cycle}): these objectives are left out of the entity result.' },
  'objective.missing': { it: 'L\'obiettivo {objective} dell\'indicatore {code} non esiste: l\'indicatore è calcolato ma non entra nei risultati.', en: 'Objective {objective} of indicator {code} does not exist: the indicator is scored but not rolled up.' },
  'objective.blank': { it: 'Indicatore {code} senza obiettivo: calcolato ma non entra nei risultati.', en: 'Indicator {code} has no objective: scored but not rolled up.' },
  'target.missing': { it: 'Target mancante per {code}: indicatore non misurabile.', en: 'Missing target for {code}: indicator not measured.' },
  'target.nd': { it: 'Target n.d. per {code} nell\'anno {year}: indicatore escluso dalla misurazione e pesi rinormalizzati.', en: 'Target n.d. for {code} in {year}: indicator left out and weights renormalised.' },
  'target.unreadable': { it: 'Target "{text}" non leggibile per {code}: indicatore non misurabile.', en: 'Unreadable target "{text}" for {code}: indicator not measured.' },
  'actual.missing': { it: 'Consuntivo mancante per {code}: indicatore non misurato, pesi rinormalizzati.', en: 'Missing actual for {code}: indicator not measured, weights renormalised.' },
  'actual.kind': { it: 'Consuntivo "{text}" di {code} non è {expected}: indicatore non misurabile.', en: 'Actual "{text}" of {code} is not {expected}: indicator not measured.' },
  'actual.percentScale': { it: 'Consuntivo {text} di {code} letto come {percent}: se intendevi {text}%, scrivi "{text}%".', en: 'Actual {text} of {code} read as {percent}: if you meant {text}%, write "{text}%".' },
  'threshold.unreadable': { it: 'Soglia "{text}" non leggibile per {code}: ignorata.', en: 'Unreadable threshold "{text}" for {code}: ignored.' },
  'threshold.missing': { it: 'Metodo a soglia senza Soglia per {code}: applicato il metodo proporzionale.', en: 'Threshold method without a Threshold for {code}: linear method applied.' },
  'weight.unreadable': { it: 'Peso "{text}" non leggibile per {code}: trattato come mancante.', en: 'Unreadable weight "{text}" for {code}: treated as missing.' },
  'weight.negative': { it: 'Peso negativo per {code}: trattato come mancante.', en: 'Negative weight for {code}: treated as missing.' },
  'weights.sum': { it: 'I pesi sotto {parent} sommano a {sum} invece di 100%: pesi rinormalizzati.', en: 'Weights under {parent} add up to {sum} instead of 100%: weights renormalised.' },
  'weights.mixed': { it: 'Sotto {parent} alcuni elementi hanno un peso e altri no: usata la media semplice.', en: 'Under {parent} some items have a weight and others do not: simple mean used.' },
  'weights.zero': { it: 'Sotto {parent} tutti i pesi misurati sono 0%: usata la media semplice.', en: 'Under {parent} every measured weight is 0%: simple mean used.' },
  'renormalised': { it: '{parent}: esclusi perché senza misura: {count}; pesi degli altri rinormalizzati.', en: '{parent}: left out for lack of a measure: {count}; the others renormalised.' },
  'direction.unreadable': { it: 'Direzione "{text}" non riconosciuta per {code}: usata "{fallback}".', en: 'Unknown direction "{text}" for {code}: "{fallback}" used.' },
  'method.unreadable': { it: 'Metodo "{text}" non riconosciuto: usato "{fallback}".', en: 'Unknown method "{text}": "{fallback}" used.' },
  'override.unreadable': { it: 'Override "{text}" di {code} non è una percentuale: ignorato.', en: 'Override "{text}" of {code} is not a percentage: ignored.' },
  'override.noNote': { it: 'Override di {code} senza Nota: la nota che motiva la rideterminazione è obbligatoria.', en: 'Override of {code} without a Note: the note explaining the decision is required.' },
  'excluded.unreadable': { it: 'Valore "{text}" in Neutralizzato non riconosciuto per {code}: usare si/no.', en: 'Unknown value "{text}" in Excluded for {code}: use yes/no.' },
  'excluded.info': { it: 'Indicatore {code} neutralizzato: escluso dalla misurazione, pesi rinormalizzati.', en: 'Indicator {code} excluded: left out of measurement, weights renormalised.' },
  'setting.unreadable': { it: 'Impostazione {key} = "{text}" non leggibile: usato il valore predefinito {fallback}.', en: 'Setting {key} = "{text}" is unreadable: default {fallback} used.' },
  'setting.unknown': { it: 'Impostazione "{key}" sconosciuta: ignorata.', en: 'Unknown setting "{key}": ignored.' },
  'year.missing': { it: 'Anno non indicato: uso le colonne Target {year} (la prima). Indicare anno in Impostazioni o --year.', en: 'No year given: using the Target {year} columns (the first). Set anno in Settings or --year.' },
  'year.noColumn': { it: 'Nessuna colonna Target {year}: uso {column}.', en: 'No Target {year} column: using {column}.' },
  'objectiveTarget.unreadable': { it: 'Target dell\'obiettivo {code} "{text}" non leggibile: ignorato.', en: 'Unreadable objective target "{text}" for {code}: ignored.' },
  'objective.empty': { it: 'Obiettivo {code} senza indicatori misurati: risultato n.d.', en: 'Objective {code} has no measured indicators: result n.d.' },
  'fn.target': { it: 'Target "{text}" non leggibile', en: 'Unreadable target "{text}"' },
  'fn.targetNd': { it: 'Target n.d.: nessun valore da confrontare', en: 'Target n.d.: no value to compare with' },
  'fn.actual': { it: 'Consuntivo "{text}" non è {expected}', en: 'Actual "{text}" is not {expected}' },
  'fn.actualMissing': { it: 'Consuntivo mancante', en: 'Missing actual' },
  'fn.threshold': { it: 'Soglia "{text}" non leggibile', en: 'Unreadable threshold "{text}"' },
  'fn.direction': { it: 'Direzione "{text}" non riconosciuta (usare max o min)', en: 'Unknown direction "{text}" (use max or min)' },
  'fn.method': { it: 'Metodo "{text}" non riconosciuto (proporzionale, fasce, soglia, binario; fasce come "99%:100%; 80%:80%; 0%:0%"; tetto come "proporzionale; tetto 120%")', en: 'Unknown method "{text}" (linear, bands, threshold, binary; bands as "99%:100%; 80%:80%; 0%:0%"; a cap as "linear; cap 120%")' },
  'fn.shape': { it: 'Punteggi e pesi devono avere lo stesso numero di celle ({scores} e {weights})', en: 'Scores and weights must have the same number of cells ({scores} and {weights})' },
  'fn.score': { it: 'Punteggio "{text}" non leggibile', en: 'Unreadable score "{text}"' },
  'fn.weight': { it: 'Peso "{text}" non leggibile', en: 'Unreadable weight "{text}"' },
  'fn.noScores': { it: 'Nessun punteggio da aggregare', en: 'No scores to aggregate' },
  'fn.zeroWeights': { it: 'La somma dei pesi dei punteggi presenti è 0', en: 'The weights of the present scores add up to 0' },
  'fn.scale': { it: 'Scala "{text}" non leggibile (es. 90%:Eccellente; 60%:Sufficiente; 0%:Insufficiente)', en: 'Unreadable scale "{text}" (e.g. 90%:Excellent; 60%:Sufficient; 0%:Insufficient)' },
  // Statuses and labels
  'status.met': { it: 'Raggiunto', en: 'Met' },
  'status.partial': { it: 'Parzialmente raggiunto', en: 'Partially met' },
  'status.notMet': { it: 'Non raggiunto', en: 'Not met' },
  'status.notMeasured': { it: 'Non misurato', en: 'Not measured' },
  'status.excluded': { it: 'Neutralizzato', en: 'Excluded' },
  'status.overridden': { it: 'Rideterminato', en: 'Overridden' },
  'status.inProgress': { it: 'In corso', en: 'In progress' },
  'status.atRisk': { it: 'A rischio', en: 'At risk' },
  'label.progress': { it: 'Avanzamento', en: 'Progress' },
  'label.projection': { it: 'Stima a fine anno', en: 'Year-end estimate' },
  'severity.error': { it: 'Errore', en: 'Error' },
  'severity.warning': { it: 'Avviso', en: 'Warning' },
  'severity.info': { it: 'Informazione', en: 'Info' },
  'method.linear': { it: 'proporzionale', en: 'linear' },
  'method.bands': { it: 'fasce', en: 'bands' },
  'method.threshold': { it: 'soglia', en: 'threshold' },
  'method.binary': { it: 'binario', en: 'binary' },
  'aggregation.simple': { it: 'media semplice', en: 'simple mean' },
  'aggregation.weighted': { it: 'media ponderata', en: 'weighted mean' },
  'kind.number': { it: 'un numero', en: 'a number' },
  'kind.percent': { it: 'una percentuale', en: 'a percentage' },
  'kind.date': { it: 'una data', en: 'a date' },
  'kind.boolean': { it: 'si/no', en: 'yes/no' },
  'note.override': { it: 'Punteggio calcolato {computed}, rideterminato a {score}. Nota: {note}', en: 'Computed score {computed}, overridden to {score}. Note: {note}' },
  'note.late': { it: 'In ritardo di {days} giorni', en: '{days} days late' },
  'target.error.unreadable': { it: 'espressione non leggibile', en: 'unreadable expression' },
  'target.error.unit': { it: 'unità di misura non leggibile', en: 'unreadable unit' },
  'target.error.empty': { it: 'manca il valore dopo il comparatore', en: 'value missing after the comparator' },
  'target.error.nd': { it: 'n.d. con un comparatore', en: 'n.d. with a comparator' },
  'target.error.date': { it: 'data non valida', en: 'invalid date' },
  'target.error.number': { it: 'numero non valido', en: 'invalid number' },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = MESSAGES[key][lang];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** "Italian / English" for places that cannot know the reader's language (custom function errors). */
export function bilingual(key: MessageKey, params: BilingualParams = {}): string {
  const inLang = (lang: Lang): Params =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return `${t('it', key, inLang('it'))} / ${t('en', key, inLang('en'))}`;
}

/** 0.9791 -> "97,91%" (it) or "97.91%" (en). */
export function formatPercent(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n.d.';
  return `${formatNumber(x * 100, lang, digits)}%`;
}

/** Italian: thousands dot and decimal comma (1.234,56); English: 1,234.56. */
export function formatNumber(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'n.d.';
  const fixed = Math.abs(x).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const sep = lang === 'it' ? ['.', ','] : [',', '.'];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep[0]);
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (frac ? sep[1] + frac : '');
}
