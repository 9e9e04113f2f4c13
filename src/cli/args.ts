/**
 * The command line as typed -> a command, its files and its options, or one sentence saying what is wrong.
 * Options may come anywhere (also before the command); each command takes only the options it uses and
 * exactly the files it needs, so a mistyped line stops instead of doing something else.
 */
import type { Lang } from '../core/index.js';
import { CliError } from './terminal.js';
import { say } from './text.js';

export interface Options {
  out?: string;
  json?: string;
  html?: string;
  /** report: the schede di valutazione individuale, a document of their own. */
  schede?: string;
  year?: number;
  /** The monitoring period scored, as in its header (30/06/2024) or by name (S1). */
  period?: string;
  lang?: Lang;
  strict?: boolean;
  force?: boolean;
  quiet?: boolean;
  completo?: boolean;
  /** score: write the results into the input file itself (--in-place). */
  inPlace?: boolean;
}

type OptionName = keyof Options;

/** Options followed by a value, with the example shown when the value is missing. */
const VALUE_OPTIONS: Partial<Record<OptionName, string>> = {
  out: '--out piano-valutato.xlsx', json: '--json risultati.json', html: '--html relazione.html', year: '--year 2025', lang: '--lang en',
  period: '--period 30/06', schede: '--schede schede.html',
};
const FLAG_OPTIONS: readonly OptionName[] = ['strict', 'force', 'quiet', 'completo', 'inPlace'];

/** Option names as typed, where they differ from the field (--in-place -> inPlace). */
const SPELLED: Record<string, OptionName> = { 'in-place': 'inPlace' };

interface CommandSpec {
  /** How many files or expressions the command takes: exactly, or any number (parse-target). */
  positional: number | 'any';
  options: readonly OptionName[];
  usage: Record<Lang, string>;
}

export const COMMANDS = {
  init: { positional: 1, options: ['lang', 'force'], usage: { it: 'cruscotto init <file.xlsx>', en: 'cruscotto init <file.xlsx>' } },
  score: {
    positional: 1, options: ['out', 'json', 'year', 'period', 'strict', 'lang', 'quiet', 'inPlace'],
    usage: { it: 'cruscotto score <file.xlsx>', en: 'cruscotto score <file.xlsx>' },
  },
  report: {
    positional: 1, options: ['html', 'schede', 'year', 'period', 'lang', 'quiet', 'completo'],
    usage: { it: 'cruscotto report <file.xlsx> --html F.html', en: 'cruscotto report <file.xlsx> --html F.html' },
  },
  diff: {
    positional: 2, options: ['html', 'year', 'period', 'lang', 'quiet'],
    usage: { it: 'cruscotto diff <prima.xlsx> <dopo.xlsx> [--html F.html]', en: 'cruscotto diff <before.xlsx> <after.xlsx> [--html F.html]' },
  },
  'parse-target': { positional: 'any', options: ['year', 'lang'], usage: { it: 'cruscotto parse-target [espressione ...]', en: 'cruscotto parse-target [expression ...]' } },
  help: { positional: 'any', options: ['lang'], usage: { it: 'cruscotto help', en: 'cruscotto help' } },
  version: { positional: 0, options: [], usage: { it: 'cruscotto --version', en: 'cruscotto --version' } },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export interface CommandLine {
  command: CommandName;
  /** Files (or target expressions), in order. */
  positional: string[];
  options: Options;
  /** The language of everything printed: --lang, else Italian until a workbook says otherwise. */
  lang: Lang;
}

/** --lang found anywhere on the line, so even a mistake before it is reported in the language asked. */
export function requestedLang(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value === 'it' || value === 'en') return value;
  }
  return undefined;
}

function parseYear(value: string, lang: Lang): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < 1990 || year > 2200) throw new CliError(say(lang, 'badYear', { value }));
  return year;
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const lang = requestedLang(argv) ?? 'it';
  const positional: string[] = [];
  const given: { name: OptionName; token: string; value: string | true }[] = [];
  let help = false;
  let version = false;
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (onlyPositional || !token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    if (token === '--') onlyPositional = true;
    else if (token === '-h' || token === '--help') help = true;
    else if (token === '--version') version = true;
    else if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const typed = eq < 0 ? token.slice(2) : token.slice(2, eq);
      const name = SPELLED[typed] ?? (typed as OptionName);
      if (typed === 'inPlace') throw new CliError(say(lang, 'unknownOption', { option: token }));
      const option = eq < 0 ? token : token.slice(0, eq);
      if (Object.hasOwn(VALUE_OPTIONS, name)) {
        let value: string | undefined = eq < 0 ? argv[i + 1] : token.slice(eq + 1);
        // "--out --json x.json": --out has no value, rather than a file called "--json".
        if (eq < 0 && (value === undefined || value.startsWith('--'))) value = undefined;
        else if (eq < 0) i++;
        if (value === undefined || value.trim() === '') {
          throw new CliError(say(lang, 'missingValue', { option, example: VALUE_OPTIONS[name] as string }));
        }
        given.push({ name, token: option, value });
      } else if (FLAG_OPTIONS.includes(name) && eq < 0) given.push({ name, token: option, value: true });
      else throw new CliError(say(lang, 'unknownOption', { option }));
    } else {
      // "-5" and the like are values (parse-target reads "-12"), not options.
      positional.push(token);
    }
  }

  let command: CommandName;
  if (help) command = 'help';
  else if (version) command = 'version';
  else {
    const first = positional.shift();
    if (first === undefined) command = 'help';
    else if (Object.hasOwn(COMMANDS, first)) command = first as CommandName;
    else throw new CliError(say(lang, 'unknownCommand', { command: first }));
  }

  const spec: CommandSpec = COMMANDS[command];
  const options: Options = {};
  for (const { name, token, value } of given) {
    if (!spec.options.includes(name)) {
      if (help || version) continue; // "score --help --json x": the usage, not a complaint
      throw new CliError(say(lang, 'optionNotForCommand', { command, option: token }));
    }
    if (name === 'year') options.year = parseYear(value as string, lang);
    else if (name === 'lang') {
      if (value !== 'it' && value !== 'en') throw new CliError(say(lang, 'badLang', { value: value as string }));
      options.lang = value;
    } else if (name === 'out' || name === 'json' || name === 'html' || name === 'schede' || name === 'period') options[name] = value as string;
    else options[name as 'strict' | 'force' | 'quiet' | 'completo' | 'inPlace'] = true;
  }
  if (typeof spec.positional === 'number' && !help && !version) {
    if (positional.length < spec.positional) throw new CliError(say(lang, 'missingArg', { usage: spec.usage[lang] }));
    if (positional.length > spec.positional) {
      throw new CliError(say(lang, 'extraArgument', { argument: positional[spec.positional], usage: spec.usage[lang] }));
    }
  }
  return { command, positional, options, lang };
}
