/** The Apps Script project's own text: every sentence in Italian and English, with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { GAS_TEXT, text, type GasTextKey } from '../../gas/messages.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('gas/messages.ts', () => {
  it.each(Object.entries(GAS_TEXT))('%s has Italian and English with the same placeholders', (_, entry) => {
    const e = entry as Record<string, string>;
    expect(Object.keys(e).sort()).toEqual(['en', 'it']);
    expect(e.it.trim()).not.toBe('');
    expect(e.en.trim()).not.toBe('');
    expect(placeholders(e.it)).toEqual(placeholders(e.en));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(text('it', 'sheet.notFound', { sheet: 'Indicatori' })).toBe('Il foglio Indicatori non esiste più.');
    expect(text('en', 'sheet.notFound' as GasTextKey)).toBe('Sheet {sheet} no longer exists.');
  });
});
