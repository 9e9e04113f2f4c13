/**
 * One home for user-facing text per layer, and every sentence in both languages: Italian first, English
 * too, neither empty, the same {placeholders} in both (a sentence that drops {cell} in one language loses
 * the address). The core's table and the hosts' tables go through the same check.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES, bilingual, formatNumber, formatPercent, t } from '../../src/core/messages.js';
import { PEOPLE_MESSAGES } from '../../src/core/people-messages.js';
import { TEXT as CLI_TEXT } from '../../src/cli/text.js';
import { GAS_TEXT } from '../../gas/messages.js';
import { ERROR_TEXTS } from '../../addin/errors.js';
import { TEXT as PANE_TEXT } from '../../src/ui/panel.js';

type Tree = { [key: string]: string | Tree };

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Leaves of a nested text table, by dotted path. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [p, s] of leaves(v, `${prefix}${k}.`)) out.set(p, s);
  }
  return out;
}

/**
 * What is wrong with a table, whichever of the two shapes the project uses: entries of { it, en }
 * (core, CLI, Apps Script) or one tree per language { it: {...}, en: {...} } (the pane).
 */
function sentences(table: object): Map<string, { it?: unknown; en?: unknown; first: string }> {
  const pairs = new Map<string, { it?: unknown; en?: unknown; first: string }>();
  const byLanguage = Object.keys(table).length === 2 && 'it' in table && 'en' in table &&
    typeof (table as Tree).it === 'object' && typeof (table as Tree).en === 'object';
  if (byLanguage) {
    const it = leaves((table as { it: Tree }).it);
    const en = leaves((table as { en: Tree }).en);
    const first = Object.keys(table)[0];
    for (const k of new Set([...it.keys(), ...en.keys()])) pairs.set(k, { it: it.get(k), en: en.get(k), first });
  } else {
    for (const [k, v] of Object.entries(table)) {
      const entry = v as Record<string, unknown>;
      pairs.set(k, { it: entry?.it, en: entry?.en, first: Object.keys(entry ?? {})[0] });
    }
  }
  return pairs;
}

function bilingualProblems(table: object): string[] {
  const problems: string[] = [];
  for (const [k, { it, en, first }] of sentences(table)) {
    if (typeof it !== 'string' || it.trim() === '') problems.push(`${k}: no Italian`);
    if (typeof en !== 'string' || en.trim() === '') problems.push(`${k}: no English`);
    if (first !== 'it') problems.push(`${k}: Italian must come first`);
    if (typeof it === 'string' && typeof en === 'string' && placeholders(it).join() !== placeholders(en).join()) {
      problems.push(`${k}: placeholders {${placeholders(it).join('}, {')}} in Italian, {${placeholders(en).join('}, {')}} in English`);
    }
  }
  return problems;
}

describe('every user-facing sentence has Italian and English', () => {
  it.each([
    ['the core (src/core/messages.ts)', MESSAGES],
    ['individual performance (src/core/people-messages.ts)', PEOPLE_MESSAGES],
    ['the command line (src/cli/text.ts)', CLI_TEXT],
    ['Google Sheets (gas/messages.ts)', GAS_TEXT],
    ['Excel\'s refusals (addin/errors.ts)', ERROR_TEXTS],
    ['the pane shared by Excel and Sheets (src/ui/panel.ts)', PANE_TEXT],
  ] as [string, object][])('%s', (_, table) => {
    expect(sentences(table).size).toBeGreaterThan(5);
    expect(bilingualProblems(table)).toEqual([]);
  });

  it('the check itself finds what is missing or different', () => {
    expect(bilingualProblems({
      ok: { it: 'Riga {row}', en: 'Row {row}' },
      dropped: { it: 'Cella {cell} del foglio {sheet}', en: 'Cell {cell}' },
      renamed: { it: '{codice}', en: '{code}' },
      empty: { it: '', en: 'Text' },
      missing: { it: 'Testo' },
      englishFirst: { en: 'Text', it: 'Testo' },
    })).toEqual([
      'dropped: placeholders {cell}, {sheet} in Italian, {cell} in English',
      'renamed: placeholders {codice} in Italian, {code} in English',
      'empty: no Italian',
      'missing: no English',
      'englishFirst: Italian must come first',
    ]);
    expect(bilingualProblems({
      it: { title: 'Cruscotto', counts: '{n} obiettivi', methods: { linear: 'proporzionale', bands: 'fasce' } },
      en: { title: 'Cruscotto', counts: 'objectives', methods: { linear: 'linear' } },
    })).toEqual(['counts: placeholders {n} in Italian, {} in English', 'methods.bands: no English']);
  });
});

describe('t and bilingual', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('it', 'fn.target', { text: 'X<x1' })).toBe('Target "X<x1" non leggibile');
    expect(t('en', 'fn.target', { text: 'X<x1' })).toBe('Unreadable target "X<x1"');
    expect(t('en', 'fn.target')).toBe('Unreadable target "{text}"');
  });

  it('gives "Italian / English" with parameters in each language', () => {
    expect(bilingual('fn.actual', { text: 'abc', expected: { it: 'un numero', en: 'a number' } }))
      .toBe('Consuntivo "abc" non è un numero / Actual "abc" is not a number');
  });
});

describe('numbers as each language writes them', () => {
  // [value, digits, Italian, English]
  const ROWS: [number | null, number, string, string][] = [
    [1234.56, 2, '1.234,56', '1,234.56'],
    [1600, 0, '1.600', '1,600'],
    [-21.43, 2, '-21,43', '-21.43'],
    [-0.001, 2, '0,00', '0.00'], // no "-0,00"
    [1234567.891, 1, '1.234.567,9', '1,234,567.9'],
    [null, 2, 'n.d.', 'n.d.'],
    [NaN, 2, 'n.d.', 'n.d.'],
  ];
  it.each(ROWS)('%s', (x, digits, it, en) => {
    expect(formatNumber(x, 'it', digits)).toBe(it);
    expect(formatNumber(x, 'en', digits)).toBe(en);
  });

  it('writes percents', () => {
    expect(formatPercent(0.9791, 'it')).toBe('97,91%');
    expect(formatPercent(0.9791, 'en')).toBe('97.91%');
    expect(formatPercent(1, 'it', 0)).toBe('100%');
    expect(formatPercent(undefined, 'it')).toBe('n.d.');
  });
});
