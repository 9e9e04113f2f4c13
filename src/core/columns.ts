/**
 * The workbook contract: the columns of each sheet, Italian headers first, English aliases accepted.
 */
import type { ColumnSpec } from './table.js';

const col = (it: string, en: string, ...more: string[]): ColumnSpec => ({
  it,
  en,
  aliases: [it, en, ...more].map((s) => s.toLowerCase()),
});

export const OBJECTIVE_COLUMNS = {
  code: col('Codice', 'Code', 'cod', 'id'),
  title: col('Titolo', 'Title', 'obiettivo', 'objective', 'descrizione', 'description'),
  parent: col('Padre', 'Parent', 'obiettivo padre', 'parent objective'),
  weight: col('Peso', 'Weight', 'peso su as', 'peso %'),
  perspective: col('Prospettiva', 'Perspective', 'prospettiva bsc'),
  target: col('Target', 'Target', 'target obiettivo', 'objective target'),
  owner: col('Responsabile', 'Owner', 'owner'),
};

export const INDICATOR_COLUMNS = {
  code: col('Codice', 'Code', 'cod', 'id'),
  name: col('Indicatore', 'Indicator', 'nome', 'name', 'descrizione'),
  objective: col('Obiettivo', 'Objective', 'codice obiettivo', 'objective code'),
  weight: col('Peso', 'Weight', 'peso %'),
  target: col('Target', 'Target', 'valore atteso'),
  threshold: col('Soglia', 'Threshold', 'soglia minima'),
  actual: col('Consuntivo', 'Actual', 'valore consuntivo', 'risultato conseguito', 'valore rilevato'),
  direction: col('Direzione', 'Direction', 'polarità', 'polarita', 'verso'),
  baseline: col('Baseline', 'Baseline', 'stato', 'valore di partenza'),
  unit: col('UdM', 'Unit', 'unità di misura', 'unita di misura', 'u.d.m', 'u.m'),
  method: col('Metodo', 'Method', 'metodo di calcolo'),
  override: col('Override', 'Override', 'punteggio oiv', 'rideterminazione'),
  note: col('Nota', 'Note', 'note', 'notes', 'nota oiv'),
  excluded: col('Neutralizzato', 'Excluded', 'neutralizzazione', 'neutralised', 'neutralized'),
  cumulative: col('Cumulativo', 'Cumulative', 'cumulato', 'progressivo'),
};

export const INDICATOR_OUTPUTS = {
  achievement: col('Raggiungimento', 'Achievement', '% raggiungimento indicatore'),
  score: col('Punteggio', 'Score'),
  status: col('Stato', 'Status'),
  contribution: col('Contributo', 'Contribution'),
};

export const OBJECTIVE_OUTPUTS = {
  result: col('Risultato', 'Result'),
  achievement: col('% Raggiungimento', '% Achievement', 'raggiungimento', 'achievement'),
  rating: col('Valutazione', 'Rating'),
};

export const SETTING_KEYS = {
  method: col('metodo', 'method', 'metodo di calcolo', 'scoring method'),
  bands: col('fasce', 'bands', 'fasce di punteggio'),
  tolerance: col('tolleranza', 'tolerance'),
  cap: col('tetto', 'cap', 'tetto massimo', 'punteggio massimo'),
  entityAggregation: col('aggregazione ente', 'entity aggregation', 'aggregazione'),
  ratingScale: col('scala valutazione', 'rating scale', 'scala di valutazione', 'scala'),
  year: col('anno', 'year', 'anno di riferimento'),
  entityName: col('ente', 'entity', 'nome ente', 'entity name', 'amministrazione'),
  period: col('periodo', 'period', 'periodo di monitoraggio', 'monitoring period'),
};
