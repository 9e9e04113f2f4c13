/** The parser alone: where options may stand, and that no line typed can make it fail other than in words. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCommandLine } from '../../src/cli/args.js';
import { CliError } from '../../src/cli/terminal.js';

describe('parseCommandLine', () => {
  it.each([
    [['--lang', 'en', 'score', 'a.xlsx'], { command: 'score', positional: ['a.xlsx'], options: { lang: 'en' }, lang: 'en' }],
    [['score', '--out=b.xlsx', 'a.xlsx', '--strict'], { command: 'score', positional: ['a.xlsx'], options: { out: 'b.xlsx', strict: true }, lang: 'it' }],
    [['score', 'a.xlsx', '--in-place'], { command: 'score', positional: ['a.xlsx'], options: { inPlace: true }, lang: 'it' }],
    [['parse-target', '-12', '<= -3', '--year', '2025'], { command: 'parse-target', positional: ['-12', '<= -3'], options: { year: 2025 }, lang: 'it' }],
    [['parse-target', '--', '--5'], { command: 'parse-target', positional: ['--5'], options: {}, lang: 'it' }],
    [['report', 'a.xlsx', '--html', 'r.html', '--completo'], { command: 'report', positional: ['a.xlsx'], options: { html: 'r.html', completo: true }, lang: 'it' }],
    [[], { command: 'help', positional: [], options: {}, lang: 'it' }],
  ])('%j', (argv, expected) => {
    expect(parseCommandLine(argv)).toEqual(expected);
  });

  it('--inPlace is not a spelling of --in-place', () => {
    expect(() => parseCommandLine(['score', 'a.xlsx', '--inPlace'])).toThrow(CliError);
  });

  it('any line either parses or stops with a sentence (CliError), never another exception', () => {
    const token = fc.oneof(
      fc.constantFrom('score', 'init', 'report', 'diff', 'parse-target', 'help', '--lang', 'en', 'it', 'fr', '--out', '--json',
        '--html', '--year', '2025', 'abc', '--strict', '--force', '--quiet', '--completo', '--in-place', '--', '-', '-h',
        '--help', '--version', '--year=', '--lang=en', '--out=', 'a.xlsx', 'constructor', '__proto__', '--__proto__', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
      try {
        const line = parseCommandLine(argv);
        expect(['init', 'score', 'report', 'diff', 'parse-target', 'help', 'version']).toContain(line.command);
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
      }
    }), { numRuns: 3000 });
  });
});
