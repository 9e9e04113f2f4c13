/**
 * The sentences of individual performance, Italian first. They go into the same IssueSink as the plan's
 * (same Issue shape, stable codes), so hosts list them in Segnalazioni with their cell like any other.
 */
import type { Issue, Lang } from './types.js';
import type { IssueSink } from './plan.js';

type Entry = Record<Lang, string>;

export const PEOPLE_MESSAGES = {
  'people.person.missing': { it: 'Riga senza persona: riga ignorata.', en: 'Row without a person: row ignored.' },
  'people.code.unknown': {
    it: 'Il codice {code} assegnato a {person} non è un obiettivo né un indicatore: riga ignorata.',
    en: 'Code {code} assigned to {person} is neither an objective nor an indicator: row ignored.',
  },
  'people.code.ambiguous': {
    it: 'Il codice {code} è sia un obiettivo sia un indicatore: assegnato l\'obiettivo (le colonne Obiettivo e Indicatore evitano il dubbio).',
    en: 'Code {code} is both an objective and an indicator: the objective is assigned (the Objective and Indicator columns avoid the doubt).',
  },
  'people.assignment.duplicate': {
    it: '{code} è già assegnato a {person} alla riga {first}: questa riga è ignorata.',
    en: '{code} is already assigned to {person} on row {first}: this row is ignored.',
  },
  'people.behaviour.duplicate': {
    it: 'Il comportamento «{behaviour}» di {person} è già alla riga {first}: questa riga è ignorata.',
    en: 'Behaviour "{behaviour}" of {person} is already on row {first}: this row is ignored.',
  },
  'people.noAssignments': {
    it: '{person} non ha obiettivi né indicatori assegnati: componente risultati n.d.',
    en: '{person} has no objective or indicator assigned: results component n.d.',
  },
  'people.weights.sum': {
    it: 'I pesi delle assegnazioni di {person} sommano a {sum} invece di 100%: pesi rinormalizzati.',
    en: 'The weights of {person}\'s assignments add up to {sum} instead of 100%: weights renormalised.',
  },
  'people.weights.mixed': {
    it: 'Alcune assegnazioni di {person} hanno un peso e altre no: usata la media semplice.',
    en: 'Some of {person}\'s assignments have a weight and others do not: simple mean used.',
  },
  'people.behaviourWeights.sum': {
    it: 'I pesi dei comportamenti di {person} sommano a {sum} invece di 100%: pesi rinormalizzati.',
    en: 'The weights of {person}\'s behaviours add up to {sum} instead of 100%: weights renormalised.',
  },
  'people.behaviourWeights.mixed': {
    it: 'Alcuni comportamenti di {person} hanno un peso e altri no: usata la media semplice.',
    en: 'Some of {person}\'s behaviours have a weight and others do not: simple mean used.',
  },
  'people.weights.zero': {
    it: 'Tutti i pesi misurati di {person} sono 0%: usata la media semplice.',
    en: 'Every measured weight of {person} is 0%: simple mean used.',
  },
  'people.notMeasured': {
    it: '{person}: esclusi perché senza misura: {codes}; pesi degli altri rinormalizzati.',
    en: '{person}: left out for lack of a measure: {codes}; the others renormalised.',
  },
  'people.rating.unreadable': {
    it: 'Valutazione "{text}" di {person} ({behaviour}) non è un numero: comportamento escluso.',
    en: 'Rating "{text}" of {person} ({behaviour}) is not a number: behaviour left out.',
  },
  'people.rating.outOfScale': {
    it: 'Valutazione {text} di {person} ({behaviour}) fuori dalla scala {scale}: comportamento escluso.',
    en: 'Rating {text} of {person} ({behaviour}) is outside the scale {scale}: behaviour left out.',
  },
  'people.rating.missing': {
    it: 'Comportamento «{behaviour}» di {person} senza valutazione: escluso, pesi degli altri rinormalizzati.',
    en: 'Behaviour "{behaviour}" of {person} is not rated: left out, the others renormalised.',
  },
  'people.role.conflict': {
    it: '{person} ha due ruoli ({first} e {other}): usato {first}.',
    en: '{person} has two roles ({first} and {other}): {first} used.',
  },
  'people.evaluator.conflict': {
    it: '{person} ha due valutatori ({first} e {other}): usato {first}.',
    en: '{person} has two evaluators ({first} and {other}): {first} used.',
  },
  'people.composition.sum': {
    it: 'La {key} somma a {sum} invece di 100%: quote rinormalizzate.',
    en: 'The {key} adds up to {sum} instead of 100%: shares renormalised.',
  },
  'people.composition.missing': {
    it: 'Nessuna composizione per il ruolo «{role}» (impostazione "composizione {role}" o "composizione"): il totale è la media delle componenti risultati e comportamenti disponibili.',
    en: 'No composition for role "{role}" (setting "composition {role}" or "composition"): the total is the mean of the results and behaviours components available.',
  },
  'people.component.missing': {
    it: '{person}: componente {component} n.d., il totale è calcolato sulle altre componenti rinormalizzate.',
    en: '{person}: {component} component n.d., the total uses the other components renormalised.',
  },
  'people.coefficient.missing': {
    it: 'La fascia «{band}» non ha un coefficiente in "coefficienti premiali": coefficiente 0.',
    en: 'Band "{band}" has no coefficient in "bonus coefficients": coefficient 0.',
  },
  'people.flat': {
    it: 'Valutazioni di {evaluator} poco differenziate: {count} persone, deviazione standard {deviation} (minimo {minimum}), {share} nella fascia più alta.',
    en: 'Ratings by {evaluator} barely differentiated: {count} people, standard deviation {deviation} (minimum {minimum}), {share} in the top band.',
  },
} satisfies Record<string, Entry>;

export type PeopleMessageKey = keyof typeof PEOPLE_MESSAGES;

export function peopleMessage(lang: Lang, key: PeopleMessageKey, params: Record<string, string | number> = {}): string {
  return PEOPLE_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Adds an individual-performance issue to the plan's sink. */
export function addPeopleIssue(
  sink: IssueSink,
  severity: Issue['severity'],
  sheet: string,
  cell: string,
  code: PeopleMessageKey,
  params: Record<string, string | number> = {},
): void {
  sink.issues.push({ severity, sheet, cell, code, message: peopleMessage(sink.lang, code, params) });
}
