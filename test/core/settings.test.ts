import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BANDS, DEFAULT_RATING_SCALE, defaultSettings, parseBands, parseMethodSpec, parseRatingScale, ratingFor, readCap, readMethod,
  readSettings,
} from '../../src/core/settings.js';
import type { Band, CellValue, Method } from '../../src/core/types.js';

describe('readMethod', () => {
  const WORDS: [CellValue, Method | null][] = [
    ['proporzionale', 'linear'], ['Proporzionale', 'linear'], ['lineare', 'linear'], ['linear', 'linear'],
    ['fasce', 'bands'], ['A fasce', 'bands'], ['bands', 'bands'], ['scaglioni', 'bands'],
    ['soglia', 'threshold'], ['threshold', 'threshold'],
    ['binario', 'binary'], ['si/no', 'binary'], ['tutto o niente', 'binary'], ['  BINARY ', 'binary'],
    ['magia', null], ['', null], [null, null], [3, null],
  ];
  it.each(WORDS)('%j -> %s', (cell, method) => {
    expect(readMethod(cell)).toBe(method);
  });
});

describe('parseBands', () => {
  // [text, bands from the highest]
  const ROWS: [string, Band[]][] = [
    ['99%:100%; 80%:80%; 0%:0%', DEFAULT_BANDS],
    ['0%:0%; 99%:100%; 80%:80%', DEFAULT_BANDS], // any order
    ['99%:100% | 80%:80% | 0%:0%', DEFAULT_BANDS],
    ['99%:100%\n80%:80%\n0%:0%', DEFAULT_BANDS],
    ['>= 99% : 100%; da 80% = 80%; 0% -> 0%', DEFAULT_BANDS],
    ['0,99:1; 0,8:0,8; 0:0', DEFAULT_BANDS], // fractions
    ['100:100; 75:75; 50:50; 0:0', [{ from: 1, score: 1 }, { from: 0.75, score: 0.75 }, { from: 0.5, score: 0.5 }, { from: 0, score: 0 }]], // GZOOM points
    ['99,5%:100%; 0%:0%', [{ from: 0.995, score: 1 }, { from: 0, score: 0 }]],
  ];
  it.each(ROWS)('%s', (text, bands) => {
    expect(parseBands(text)).toEqual(bands);
  });

  it.each(['', 'fasce', '99%', '99%:cento', '99% 100%', '99 N.:100'])('refuses "%s"', (text) => {
    expect(parseBands(text)).toBeNull();
  });
});

describe('rating scale', () => {
  it('parses the scale in percent or points, highest first', () => {
    expect(parseRatingScale('90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente')).toEqual(DEFAULT_RATING_SCALE);
    expect(parseRatingScale('0:Insufficiente; 60:Sufficiente; 90:Eccellente; 75:Buono')).toEqual(DEFAULT_RATING_SCALE);
    expect(parseRatingScale('70%:Adeguato')).toEqual([{ from: 0.7, label: 'Adeguato' }]);
    // Entries on separate lines of one cell (Alt+Enter), and with a leading ">=" or "da".
    expect(parseRatingScale('>= 90%: Eccellente\nda 75% = Buono\r\n60%:Sufficiente\n0%:Insufficiente')).toEqual(DEFAULT_RATING_SCALE);
    for (const bad of ['', 'Eccellente', '90%:', 'novanta:Eccellente']) expect(parseRatingScale(bad), bad).toBeNull();
  });

  // [score, rating] on the default scale: each edge belongs to the step it starts.
  const EDGES: [number | null, string | null][] = [
    [1, 'Eccellente'], [0.9, 'Eccellente'], [0.8999, 'Buono'], [0.75, 'Buono'], [0.7499, 'Sufficiente'],
    [0.6, 'Sufficiente'], [0.5999, 'Insufficiente'], [0, 'Insufficiente'], [-0.1, 'Insufficiente'], [null, null],
    [0.7 + 0.2, 'Eccellente'], // 0.8999999999999999 as stored, 90% as shown
    [0.7499999999999999, 'Buono'], // 75% as shown
  ];
  it.each(EDGES)('%s is %s', (score, label) => {
    expect(ratingFor(score, DEFAULT_RATING_SCALE)).toBe(label);
  });
});

describe('readCap', () => {
  // A cell formatted as 120% holds 1.2: a cap below 10 is a fraction, from 10 up percent points.
  it.each([['120%', 1.2], [1.2, 1.2], ['1,2', 1.2], [9.99, 9.99], [10, 0.1], ['150 %', 1.5], ['100%', 1], [1, 1], ['120', 1.2], [120, 1.2], ['0,9', 0.9], ['0%', null], [0, null], ['-10%', null], ['tanto', null], ['120 punti', null], [true, null]] as [CellValue, number | null][])(
    '%j -> %s', (cell, cap) => {
      expect(readCap(cell)).toBe(cap);
    });
});

describe('parseMethodSpec: ACHIEVEMENT\'s method argument', () => {
  const ROWS: [string, Method, Band[] | null, number | null][] = [
    ['proporzionale', 'linear', null, null],
    ['fasce', 'bands', null, null],
    ['99%:100%; 80%:80%; 0%:0%', 'bands', DEFAULT_BANDS, null],
    ['fasce; 99%:100%; 80%:80%; 0%:0%', 'bands', DEFAULT_BANDS, null],
    ['proporzionale; tetto 120%', 'linear', null, 1.2],
    ['linear; cap 120%', 'linear', null, 1.2],
    ['tetto 120%', 'linear', null, 1.2],
    ['Tetto massimo: 110%', 'linear', null, 1.1],
    ['cap=130%; binary', 'binary', null, 1.3],
    ['soglia; tetto 100%', 'threshold', null, 1],
    ['100:100; 75:75; 50:50; 0:0; tetto 100%', 'bands', [{ from: 1, score: 1 }, { from: 0.75, score: 0.75 }, { from: 0.5, score: 0.5 }, { from: 0, score: 0 }], 1],
  ];
  it.each(ROWS)('%s', (text, method, bands, cap) => {
    expect(parseMethodSpec(text)).toEqual({ method, bands, cap });
  });

  it.each([
    ['', 'nothing'],
    ['magia', 'an unknown word'],
    ['soglia; 99%:100%; 0%:0%', 'a band table with another method'],
    ['fasce; binario', 'two methods'],
    ['tetto 120%; tetto 110%', 'two caps'],
    ['tetto 0%', 'a cap of 0'],
    ['tetto', 'a cap without a value'],
    ['99%:100%; 80%', 'a band without a score'],
  ])('refuses "%s" (%s)', (text) => {
    expect(parseMethodSpec(text)).toBeNull();
  });
});

describe('readSettings: the Impostazioni sheet', () => {
  it('gives the defaults without a sheet', () => {
    const r = readSettings(null, 'Impostazioni', 'it');
    expect(r.settings).toEqual(defaultSettings());
    expect(r.issues).toEqual([]);
  });

  it('reads every key, Italian or English, with a header row or without', () => {
    const r = readSettings([
      ['Chiave', 'Valore'],
      ['anno', 2025],
      ['Metodo', 'fasce'],
      ['fasce', '100:100; 75:75; 50:50; 0:0'],
      ['tolleranza', '5%'],
      ['tetto', 1.2],
      ['aggregazione ente', 'media semplice'],
      ['scala valutazione', '70%:Adeguato; 0%:Non adeguato'],
    ], 'Impostazioni', 'it');
    expect(r.issues).toEqual([]);
    expect(r.settings).toMatchObject({
      year: 2025, method: 'bands', tolerance: 0.05, cap: 1.2, entityAggregation: 'simple',
      ratingScale: [{ from: 0.7, label: 'Adeguato' }, { from: 0, label: 'Non adeguato' }],
    });
    expect(r.settings.bands.map((b) => b.from)).toEqual([1, 0.75, 0.5, 0]);
    expect(r.rows).toMatchObject({ year: 1, method: 2, bands: 3, tolerance: 4, cap: 5, entityAggregation: 6, ratingScale: 7 });

    const en = readSettings([['year', '2024'], ['method', 'binary'], ['cap', 1], ['entity aggregation', 'weighted mean']], 'Settings', 'en');
    expect(en.issues).toEqual([]);
    expect(en.settings).toMatchObject({ year: 2024, method: 'binary', cap: 1, entityAggregation: 'weighted' });
  });

  // [key, unreadable value] -> an error at the key's cell, and the default stays.
  const BAD: [string, CellValue][] = [
    ['metodo', 'magia'],
    ['fasce', '99%'],
    ['fasce', 45000],
    ['tolleranza', '-5%'],
    ['tetto', '0%'],
    ['aggregazione ente', 'a caso'],
    ['scala valutazione', 'Eccellente'],
    ['anno', '25'],
    ['anno', '2025,5'],
  ];
  it.each(BAD)('%s = %j is an error at its cell and the default applies', (key, value) => {
    const r = readSettings([['Chiave', 'Valore'], ['anno', 2024], [key, value]], 'Impostazioni', 'it');
    expect(r.issues.map((i) => [i.severity, i.sheet, i.cell, i.code])).toEqual([['error', 'Impostazioni', 'B3', 'setting.unreadable']]);
    expect(r.issues[0].message).toContain(key);
    const defaults = defaultSettings();
    expect({ ...r.settings, year: null }).toMatchObject({ ...defaults, year: null });
  });

  it('warns about an unknown key at its cell and reads an integral year however written', () => {
    const r = readSettings([['colore', 'blu'], ['anno', '2.025'], ['metodo', '']], 'Impostazioni', 'it');
    expect(r.issues.map((i) => [i.severity, i.cell, i.code])).toEqual([['warning', 'A1', 'setting.unknown']]);
    expect(r.settings.year).toBe(2025);
    expect(r.settings.method).toBe('linear');
  });

  it('speaks the workbook\'s language', () => {
    const r = readSettings([['method', 'magic']], 'Settings', 'en');
    expect(r.issues[0].message).toMatch(/^Setting method = "magic" is unreadable: default linear used\.$/);
  });
});
