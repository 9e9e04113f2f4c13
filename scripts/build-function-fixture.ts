/**
 * Writes test/fixtures/function-calls.json: the custom-function calls both hosts must answer alike.
 * Expected values come from the core itself and are then frozen in the file, so a later change to the
 * core that moves any answer shows up as a failing test in the core, Excel and Apps Script suites.
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

const fixture = calls.map(([fn, args]) => {
  try {
    return { fn, args, expected: callFunction(fn, args) };
  } catch (e) {
    return { fn, args, error: true, message: (e as Error).message };
  }
});
writeFileSync('test/fixtures/function-calls.json', JSON.stringify(fixture, null, 1) + '\n');
console.log(`${fixture.length} calls, ${fixture.filter((f) => 'error' in f).length} errors`);
