import { describe, expect, it } from 'vitest';
import {
  cleanText, dateToSerial, isBlank, isNotDefined, isoDate, italianDate, parseDateText, parseNumberText, readBoolean, readDate,
  readFraction, readNumber, serialFromYmd,
} from '../../src/core/cell.js';
import { cmp, fromDecimalString, toNumber } from '../../src/core/decimal.js';
import type { CellValue } from '../../src/core/types.js';

const exactly = (text: string) => fromDecimalString(text);

describe('parseNumberText: Italian first, English pasted figures too', () => {
  // [text, value as a canonical decimal, percent, unit]
  const ROWS: [string, string, boolean, string][] = [
    ['1.600', '1600', false, ''],
    ['1.600.000', '1600000', false, ''],
    ['1.234,5', '1234.5', false, ''],
    ['0,92', '0.92', false, ''],
    [',5', '0.5', false, ''],
    ['-21,43', '-21.43', false, ''],
    ['\u221221,43', '-21.43', false, ''], // minus sign from a PDF
    ['+ 3', '3', false, ''],
    ['1.45', '1.45', false, ''], // a dot not followed by groups of three is a decimal point
    ['1,234.56', '1234.56', false, ''],
    ['29,52%', '0.2952', true, ''],
    ['45,00 %', '0.45', true, ''],
    ['3,47%', '0.0347', true, ''],
    ['150,62%', '1.5062', true, ''],
    ['13 N.', '13', false, 'N.'],
    ['1,45 gg', '1.45', false, 'gg'],
    ['2,5 /10.000 imprese', '2.5', false, '/10.000 imprese'],
    ['5% del totale', '0.05', true, 'del totale'],
    ['0', '0', false, ''],
  ];
  it.each(ROWS)('%s', (text, value, percent, unit) => {
    const r = parseNumberText(text);
    expect(r).not.toBeNull();
    expect(cmp(r!.value, exactly(value))).toBe(0);
    expect(r!.percent).toBe(percent);
    expect(r!.unit).toBe(unit);
  });

  it.each(['', 'abc', 'n.d.', '>= 5', '%', 'X<x1', '-'])('"%s" is not a number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe('readNumber and readFraction: the same value from a number or pasted text', () => {
  // [cell, value as a fraction] for Peso and Override cells.
  const FRACTIONS: [CellValue, string][] = [
    ['14,29%', '0.1429'],
    [0.1429, '0.1429'],
    ['14,29', '0.1429'], // a bare number above 1 is percent points
    [14.29, '0.1429'],
    [0.14289999999999997, '0.1429'],
    ['0,5', '0.5'],
    [1, '1'], // exactly 1 is 100%, not 1%
    ['100%', '1'],
    ['0%', '0'],
    [0, '0'],
    ['120%', '1.2'],
    [' 60 % ', '0.6'],
    ['60\u00a0%', '0.6'],
  ];
  it.each(FRACTIONS)('%j is %s', (cell, value) => {
    const r = readFraction(cell);
    expect(r).not.toBeNull();
    expect(cmp(r!, exactly(value))).toBe(0);
  });

  it.each([['abc'], ['60 punti'], [true], [null], [''], [new Date(Date.UTC(2025, 0, 1))], [NaN]] as [CellValue][])('%j is not a fraction', (cell) => {
    expect(readFraction(cell)).toBeNull();
  });

  it('a number cell and its Italian text read the same', () => {
    for (const [n, text] of [[1600, '1.600'], [-21.43, '-21,43'], [0.92, '0,92'], [1234.5, '1.234,5']] as [number, string][]) {
      expect(cmp(readNumber(n)!.value, readNumber(text)!.value)).toBe(0);
    }
    expect(readNumber(Infinity)).toBeNull();
    expect(readNumber(true)).toBeNull();
  });
});

describe('cleanText and blanks', () => {
  it.each([
    ['  >=\u00a045,00\u202f%  ', '>= 45,00 %'],
    ['a\t\tb\nc', 'a b c'],
    ['già pulito', 'già pulito'],
    [12.5, '12.5'],
    [null, ''],
    [new Date(Date.UTC(2024, 11, 31)), '2024-12-31'],
  ] as [CellValue, string][])('%j -> %s', (cell, text) => {
    expect(cleanText(cell)).toBe(text);
  });

  it.each([[null, true], [undefined, true], ['', true], [' \u00a0', true], ['  ', true], [0, false], [false, false]] as [CellValue, boolean][])(
    '%j blank: %s', (cell, blank) => {
      expect(isBlank(cell)).toBe(blank);
    });

  it.each([['n.d.', true], ['N.D.', true], ['nd', true], ['n/a', true], ['-', true], ['—', true], ['non definito', true],
    ['non applicabile', true], ['n. d.', true], ['0', false], ['no', false], [0, false], [null, false]] as [CellValue, boolean][])(
    '%j not defined: %s', (cell, nd) => {
      expect(isNotDefined(cell)).toBe(nd);
    });
});

describe('dates: Excel serials, independent of the machine time zone', () => {
  // [year, month, day, Excel serial]
  const SERIALS: [number, number, number, number][] = [
    [1900, 1, 1, 2],
    [1900, 3, 1, 61],
    [2024, 2, 29, 45351],
    [2024, 12, 31, 45657],
    [2025, 4, 30, 45777],
    [2025, 12, 31, 46022],
  ];
  it.each(SERIALS)('%d-%d-%d is %d', (y, m, d, serial) => {
    expect(serialFromYmd(y, m, d)).toBe(serial);
    expect(isoDate(serial)).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    // A Date as ExcelJS and the hosts hand it over: the day at UTC midnight, or later that UTC day.
    expect(dateToSerial(new Date(Date.UTC(y, m - 1, d)))).toBe(serial);
    expect(dateToSerial(new Date(Date.UTC(y, m - 1, d, 23, 59, 59)))).toBe(serial);
    expect(readDate(new Date(Date.UTC(y, m - 1, d, 12)), null)).toBe(serial);
  });

  it('refuses days that do not exist', () => {
    expect(serialFromYmd(2025, 2, 29)).toBeNull();
    expect(serialFromYmd(2025, 4, 31)).toBeNull();
    expect(serialFromYmd(2025, 13, 1)).toBeNull();
    expect(serialFromYmd(2025, 0, 1)).toBeNull();
  });

  it('writes Italian dates', () => {
    expect(italianDate(45777)).toBe('30/04/2025');
  });

  // [text, plan year, ISO date or null, rest]
  const TEXTS: [string, number | null, string | null, string][] = [
    ['31-12-2024', null, '2024-12-31', ''],
    ['30.04.2025', null, '2025-04-30', ''],
    ['30/06/2025', null, '2025-06-30', ''],
    ['1/7/25', null, '2025-07-01', ''],
    ['2025-06-30', null, '2025-06-30', ''],
    ['15 dicembre 2025', null, '2025-12-15', ''],
    ['15 December 2025', null, '2025-12-15', ''],
    ['15 dicembre', 2025, '2025-12-15', ''],
    ['15 dicembre', null, null, ''],
    ['31/12', 2024, '2024-12-31', ''],
    ['31/12', null, null, ''],
    ['31/02/2025', null, null, ''],
    ['30/04/2025 (scadenza)', null, '2025-04-30', '(scadenza)'],
  ];
  it.each(TEXTS)('"%s" (year %s)', (text, year, iso, rest) => {
    const r = parseDateText(text, year);
    if (iso === null) expect(r).toBeNull();
    else expect(r && { iso: isoDate(r.serial), rest: r.rest }).toEqual({ iso, rest });
  });

  it('reads a date from any cell', () => {
    expect(readDate('30.04.2025', null)).toBe(45777);
    expect(readDate(45777, null)).toBe(45777);
    expect(readDate(45777.5, null)).toBeNull();
    expect(readDate(0, null)).toBeNull();
    expect(readDate('30.04.2025 circa', null)).toBeNull();
    expect(readDate(new Date(NaN), null)).toBeNull();
    expect(readDate(true, null)).toBeNull();
  });
});

describe('readBoolean', () => {
  const ROWS: [CellValue, boolean | null][] = [
    ['si', true], ['SI', true], ['Sì', true], ['yes', true], ['x', true], ['realizzato', true], ['si.', true],
    ['no', false], ['NO', false], ['non realizzato', false], ['false', false],
    [true, true], [false, false], [1, true], [0, false], [2, null], ['forse', null], [null, null],
  ];
  it.each(ROWS)('%j is %s', (cell, value) => {
    expect(readBoolean(cell)).toBe(value);
  });
});

describe('the same number whatever the cell', () => {
  it('gives one float for text and number cells', () => {
    expect(toNumber(readNumber('29,52%')!.value)).toBe(toNumber(readNumber(0.2952)!.value));
  });
});
