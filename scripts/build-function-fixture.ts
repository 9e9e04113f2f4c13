/**
 * Writes test/fixtures/function-calls.json: the custom-function calls both hosts must answer alike.
 * Most expected values come from the core itself and are then frozen in the file, so a later change to the
 * core that moves any answer shows up as a failing test in the core, Excel and Apps Script suites. That only
 * catches drift, so the boundary rows are worked out by hand (HAND below, marked "hand" in the file with
 * their working): the script refuses to write the fixture when the core disagrees with any of them.
 */
import { writeFileSync } from 'node:fs';
import { callFunction } from '../src/core/index.js';

const calls: [string, unknown[]][] = [
  ['ACHIEVEMENT', [23, '>= 20 N.']],
  ['ACHIEVEMENT', [18, '>= 20 N.']],
  ['ACHIEVEMENT', ['29,52%', '>= 45,00 %']],
  ['ACHIEVEMENT', [0.2952, '>= 45,00 %']],
  ['ACHIEVEMENT', ['-21,43', '<= -12']],
  ['ACHIEVEMENT', [-10, '<= -12']],
  ['ACHIEVEMENT', [6, '<= 5 gg']],
  ['ACHIEVEMENT', ['1,98', '<= 1,45 gg']],
  ['ACHIEVEMENT', ['3,47%', '3,50%', null, null, 'fasce']],
  ['ACHIEVEMENT', ['3,46%', '3,50%', null, null, 'fasce']],
  ['ACHIEVEMENT', [0.85, '>= 95%', '80%', null, 'soglia']],
  ['ACHIEVEMENT', [0.75, '>= 95%', '80%', null, 'soglia']],
  ['ACHIEVEMENT', ['si', '= si']],
  ['ACHIEVEMENT', ['no', '= si']],
  ['ACHIEVEMENT', ['12/05/2025', '<= 30.04.2025']],
  ['ACHIEVEMENT', ['28/04/2025', 'Entro 30-04-2025']],
  ['ACHIEVEMENT', [45777, 'Entro 31-12-2025']],
  ['ACHIEVEMENT', [3, 5, null, 'min']],
  ['ACHIEVEMENT', [3, 5, null, 'max']],
  ['ACHIEVEMENT', [0.9, '>= 95%', null, null, 'binario']],
  ['ACHIEVEMENT', ['1.600', '>= 1600 N.']],
  ['ACHIEVEMENT', ['08:00', '>= 6']],
  ['ACHIEVEMENT', [5, 'X<x1']],
  ['ACHIEVEMENT', ['12/05/2025', '>= 10']],
  ['ACHIEVEMENT', [5, '>= 10', null, 'sideways']],
  ['ACHIEVEMENT', [5, '>= 10', null, null, 'magic']],
  ['ACHIEVEMENT', ['', '>= 10']],
  ['ACHIEVEMENT', [5, 'n.d.']],
  ['ACHIEVEMENT', [5, '>= 10', null, null, 'soglia; 99%:100%; 0%:0%']],
  ['ACHIEVEMENT', [5, '>= 10', null, null, 'proporzionale; tetto 0%']],
  ['ACHIEVEMENT', [5, '>= 10', null, null, 'tetto 120%; cap 110%']],
  ['ACHIEVEMENT', [5, '>= 10', null, null, 'fasce; binario']],
  ['ACHIEVEMENT', [5, '>= 10', null, null, '99%:100%; 80%']],
  ['WEIGHTED', [[[0.8], [1], [0.5]], [['50%'], ['25%'], ['25%']]]],
  ['WEIGHTED', [[[0.8], [''], [0.5]], [['50%'], ['25%'], ['25%']]]],
  ['WEIGHTED', [[[0.8, 0.6]], [['', '']]]],
  ['WEIGHTED', [[['80%'], ['n.d.']], [[14.29], [85.71]]]],
  ['WEIGHTED', [[[0.8], [0.6]], [['50%']]]],
  ['WEIGHTED', [[['abc']], [['50%']]]],
  ['WEIGHTED', [[['']], [['50%']]]],
  ['TARGETVALUE', ['>= 45,00 %']],
  ['TARGETVALUE', ['<= -12']],
  ['TARGETVALUE', ['Entro 31-12-2024']],
  ['TARGETVALUE', ['≥ 4']],
  ['TARGETVALUE', ['= si']],
  ['TARGETVALUE', ['1.600 N.']],
  ['TARGETVALUE', ['>amedio']],
  ['TARGETVALUE', ['n.d.']],
  ['RATING', [0.9791]],
  ['RATING', [0.88]],
  ['RATING', [0.75]],
  ['RATING', [0.5999]],
  ['RATING', ['60%']],
  ['RATING', [0.7, '70%:Adeguato; 0%:Non adeguato']],
  ['RATING', [0.7, 'garbage']],
  ['RATING', ['abc']],
];

const BANDS = '99%:100%; 80%:80%; 0%:0%';
const GZOOM = '100:100; 75:75; 50:50; 0:0';

/** [function, arguments, expected worked out by hand, the working]. */
const HAND: [string, unknown[], number | string, string][] = [
  // Band tables in the method argument (they imply fasce).
  ['ACHIEVEMENT', [28.95, 27, null, 'min', BANDS], 0.8, 'lower is better: 27/28,95 = 93,26%, at least 80% and below 99%: 80%'],
  ['ACHIEVEMENT', ['3,47%', '3,50%', null, null, BANDS], 1, '3,47/3,50 = 99,14%, at least 99%: 100%'],
  ['ACHIEVEMENT', ['6,93%', '>= 7%', null, null, BANDS], 1, '6,93/7 = 99% exactly (a float ratio gives 0,98999...): 100%'],
  ['ACHIEVEMENT', ['6,92%', '>= 7%', null, null, 'fasce'], 0.8, '6,92/7 = 98,86%, below 99%: default bands give 80%'],
  ['ACHIEVEMENT', ['79,99', '>= 100', null, null, BANDS], 0, '79,99%, below 80%: 0'],
  ['ACHIEVEMENT', [80, '>= 100', null, null, BANDS], 0.8, '80% exactly is in the 80% band'],
  ['ACHIEVEMENT', [75, '>= 100', null, null, GZOOM], 0.75, 'GZOOM bands in points: 75% is in the 75 band'],
  ['ACHIEVEMENT', ['74,99', '>= 100', null, null, GZOOM], 0.5, 'GZOOM: 74,99% falls to the 50 band'],
  ['ACHIEVEMENT', ['49,99', '>= 100', null, null, GZOOM], 0, 'GZOOM: 49,99% falls to the 0 band'],
  ['ACHIEVEMENT', [85, '>= 100', 90, null, BANDS], 0, '85 is below the Soglia 90: 0 whatever the band (80%)'],
  // Caps.
  ['ACHIEVEMENT', [15, '>= 10'], 1, '150% capped at the default 100%'],
  ['ACHIEVEMENT', [15, '>= 10', null, null, 'proporzionale; tetto 120%'], 1.2, '150% capped at 120%'],
  ['ACHIEVEMENT', [15, '>= 10', null, null, 'linear; cap 120%'], 1.2, 'the same in English'],
  ['ACHIEVEMENT', [11, '>= 10', null, null, 'tetto 120%; proporzionale'], 1.1, '110%, under the 120% cap; parts in any order'],
  ['ACHIEVEMENT', [4, '<= 5 gg', null, null, 'proporzionale; tetto 120%'], 1.2, 'lower is better: 5/4 = 125%, capped at 120%'],
  ['ACHIEVEMENT', [130, '>= 100', null, null, '130:130; 100:100; 0:0; tetto 120%'], 1.2, 'band 130 (points), capped at 120%'],
  ['ACHIEVEMENT', [100, '>= 100', null, null, 'binario; tetto 120%'], 1, 'binary: met is 100%, a cap does not raise it'],
  // The Soglia: below it 0, at it not 0.
  ['ACHIEVEMENT', [80, '>= 100', 80], 0.8, 'linear, actual at the Soglia: 80/100, not 0'],
  ['ACHIEVEMENT', ['79,99', '>= 100', 80], 0, 'linear, just below the Soglia: 0'],
  ['ACHIEVEMENT', [12.5, '<= 10', 12.5], 0.8, 'lower is better, at the Soglia: 10/12,5 = 80%'],
  ['ACHIEVEMENT', ['12,51', '<= 10', 12.5], 0, 'lower is better, past the Soglia: 0'],
  ['ACHIEVEMENT', [80, '>= 100', 80, null, 'soglia'], 0, 'soglia method: 0 at the Soglia, rising to 100% at the target'],
  ['ACHIEVEMENT', [90, '>= 100', 80, null, 'soglia'], 0.5, 'soglia method: (90 - 80)/(100 - 80) = 50%'],
  // Weighted means and ratings at their edges.
  ['WEIGHTED', [[[0.8], [0.6], [1]], [['50%'], ['25%'], ['25%']]], 0.8, '0,4 + 0,15 + 0,25 = 80%'],
  ['WEIGHTED', [[[0.8], ['n.d.'], [0.6]], [['50%'], ['25%'], ['25%']]], 11 / 15, 'n.d. left out: (0,4 + 0,15)/0,75 = 11/15'],
  ['WEIGHTED', [[[1], [0.5]], [[14.29], [14.29]]], 0.75, 'equal weights in percent points: simple mean'],
  ['RATING', [0.9], 'Eccellente', '90% is the first step of Eccellente'],
  ['RATING', ['89,99%'], 'Buono', 'just below 90%'],
  ['RATING', [0.7 + 0.2], 'Eccellente', '0,7 + 0,2 is stored as 0,8999999999999999 and shown as 90%: Eccellente'],
  ['RATING', [0.5999], 'Insufficiente', 'just below 60%'],
];

const unexpected: string[] = [];
const handRows = HAND.map(([fn, args, expected, hand]) => {
  let got: unknown;
  try {
    got = callFunction(fn, args);
  } catch (e) {
    got = (e as Error).message;
  }
  if (got !== expected) unexpected.push(`${fn}(${JSON.stringify(args).slice(1, -1)}): by hand ${expected}, core ${String(got)}`);
  return { fn, args, expected, hand };
});
if (unexpected.length) {
  console.error(`The core disagrees with rows worked out by hand; fixture not written:\n${unexpected.join('\n')}`);
  process.exit(1);
}

const generated = calls.map(([fn, args]) => {
  try {
    return { fn, args, expected: callFunction(fn, args) };
  } catch (e) {
    return { fn, args, error: true, message: (e as Error).message };
  }
});
const fixture = [...generated, ...handRows];
writeFileSync('test/fixtures/function-calls.json', JSON.stringify(fixture, null, 1) + '\n');
console.log(`${fixture.length} calls, ${fixture.filter((f) => 'error' in f).length} errors`);
