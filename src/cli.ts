/**
 * `cruscotto`: score a plan workbook, create the template, read target expressions, report and diff.
 * Italian by default, English with --lang en or an English workbook. Errors are one sentence, never a
 * stack trace; data problems are issues in the output, not failures.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  PlanError, formatPercent, methodLabel, parseTarget, scorePlan, targetToJson, templatePlan, t as coreT,
  type Lang, type ScoreResult, type PlanInput,
} from './core/index.js';
import { WorkbookFileError, applyWritePlan, readPlanFile, writeWorkbook } from './io/xlsx.js';
import ExcelJS from 'exceljs';
import { renderReport } from './report/html.js';
import { diffPlans, formatDiffText, renderDiff } from './report/diff.js';

type Text = Record<Lang, string>;
const TEXT = {
  usage: {
    it: `Uso: cruscotto <comando> [opzioni]

Comandi:
  init <file.xlsx> [--lang en] [--force]      crea un cruscotto vuoto (Obiettivi, Indicatori, Impostazioni)
  score <file.xlsx> [--out F.xlsx] [--json F.json] [--year 2025] [--strict] [--lang en]
                                              calcola punteggi, risultati e segnalazioni
  report <file.xlsx> --html F.html [--year 2025]
                                              relazione HTML con tabelle e grafici
  diff <prima.xlsx> <dopo.xlsx> [--html F.html]
                                              differenze tra due versioni del piano
  parse-target [espressione ...]              legge target come ">= 45,00 %" (senza argomenti: da stdin)

Codici di uscita: 0 piano calcolato (anche con segnalazioni; con --strict 1 se ci sono errori),
2 file non leggibile o senza foglio Indicatori.`,
    en: `Usage: cruscotto <command> [options]

Commands:
  init <file.xlsx> [--lang en] [--force]      create an empty plan (Objectives, Indicators, Settings)
  score <file.xlsx> [--out F.xlsx] [--json F.json] [--year 2025] [--strict] [--lang en]
                                              compute scores, results and issues
  report <file.xlsx> --html F.html [--year 2025]
                                              HTML report with tables and charts
  diff <before.xlsx> <after.xlsx> [--html F.html]
                                              changes between two versions of a plan
  parse-target [expression ...]               read targets such as ">= 45,00 %" (no arguments: stdin)

Exit codes: 0 plan scored (even with issues; with --strict 1 when there are errors),
2 unreadable file or no Indicators sheet.`,
  },
  reading: { it: 'Lettura di {file}…', en: 'Reading {file}…' },
  scoring: { it: 'Calcolo dei punteggi…', en: 'Scoring…' },
  writing: { it: 'Scrittura di {file}…', en: 'Writing {file}…' },
  title: { it: 'Cruscotto — {file} (anno {year}, metodo {method})', en: 'Cruscotto — {file} (year {year}, method {method})' },
  entity: { it: 'Risultato dell\'ente: {score} — {rating}', en: 'Entity result: {score} — {rating}' },
  counts: { it: 'Obiettivi valutati: {objectives}/{objectivesAll} · Indicatori misurati: {indicators}/{indicatorsAll}', en: 'Objectives scored: {objectives}/{objectivesAll} · Indicators measured: {indicators}/{indicatorsAll}' },
  issues: { it: 'Segnalazioni: {error} errori, {warning} avvisi, {info} informazioni (foglio {sheet})', en: 'Issues: {error} errors, {warning} warnings, {info} notes (sheet {sheet})' },
  firstIssues: { it: 'Primi errori:', en: 'First errors:' },
  outputs: { it: 'Scritto: {files}', en: 'Written: {files}' },
  strictFail: { it: 'Modalità --strict: il piano contiene errori.', en: '--strict: the plan has errors.' },
  missingArg: { it: 'Manca il file: {usage}', en: 'Missing file: {usage}' },
  unknownCommand: { it: 'Comando sconosciuto "{command}". Usare "cruscotto help".', en: 'Unknown command "{command}". Use "cruscotto help".' },
  unknownOption: { it: 'Opzione sconosciuta {option}.', en: 'Unknown option {option}.' },
  badYear: { it: 'Anno non valido: {value}.', en: 'Invalid year: {value}.' },
  badLang: { it: 'Lingua non valida: {value} (it o en).', en: 'Invalid language: {value} (it or en).' },
  exists: { it: '{file} esiste già: usare --force per sovrascriverlo.', en: '{file} already exists: use --force to overwrite it.' },
  created: { it: 'Creato {file}: compilare Obiettivi e Indicatori, poi "cruscotto score {file}".', en: 'Created {file}: fill in Objectives and Indicators, then "cruscotto score {file}".' },
  cannotWrite: { it: 'Impossibile scrivere {file}: {reason}.', en: 'Cannot write {file}: {reason}.' },
  needHtml: { it: 'Indicare il file di uscita con --html.', en: 'Give the output file with --html.' },
  reportWritten: { it: 'Relazione scritta in {file}.', en: 'Report written to {file}.' },
  diffWritten: { it: 'Differenze scritte in {file}.', en: 'Differences written to {file}.' },
} satisfies Record<string, Text>;

function say(lang: Lang, key: keyof typeof TEXT, params: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** A failure the user can fix: printed as one sentence, exit code attached. */
class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

interface Args {
  positional: string[];
  options: Record<string, string | boolean>;
}

const VALUE_OPTIONS = new Set(['out', 'json', 'year', 'lang', 'html']);
const FLAG_OPTIONS = new Set(['strict', 'force', 'quiet', 'help']);

function parseArgs(argv: string[], lang: Lang): Args {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      if (VALUE_OPTIONS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new CliError(say(lang, 'unknownOption', { option: a }));
        options[name] = value;
      } else if (FLAG_OPTIONS.has(name)) options[name] = true;
      else throw new CliError(say(lang, 'unknownOption', { option: a }));
    } else if (a === '-h') options.help = true;
    else positional.push(a);
  }
  return { positional, options };
}

function langOption(value: string | boolean | undefined, fallback: Lang): Lang {
  if (value === undefined || typeof value === 'boolean') return fallback;
  if (value === 'it' || value === 'en') return value;
  throw new CliError(say(fallback, 'badLang', { value }));
}

function yearOption(value: string | boolean | undefined, lang: Lang): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new CliError(say(lang, 'badYear', { value }));
  return year;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  stdin: () => AsyncIterable<string>;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  stdin: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
};

export async function main(argv: string[], ioOverrides: Partial<Io> = {}): Promise<number> {
  const io: Io = { ...defaultIo, ...ioOverrides };
  const preLang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' || argv.includes('--lang=en') ? 'en' : 'it';
  try {
    const [command, ...rest] = argv;
    const args = parseArgs(rest, preLang);
    if (args.options.help || command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(TEXT.usage[preLang]);
      return 0;
    }
    if (command === '--version' || command === 'version') {
      io.out(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
      return 0;
    }
    switch (command) {
      case 'score':
        return await scoreCommand(args, io);
      case 'init':
        return await initCommand(args, io);
      case 'parse-target':
        return await parseTargetCommand(args, io);
      case 'report':
        return await reportCommand(args, io);
      case 'diff':
        return await diffCommand(args, io);
      default:
        throw new CliError(say(preLang, 'unknownCommand', { command }));
    }
  } catch (e) {
    if (e instanceof CliError || e instanceof WorkbookFileError || e instanceof PlanError) {
      io.err(`cruscotto: ${e.message}`);
      return e instanceof CliError ? e.exitCode : 2;
    }
    throw e;
  }
}

export async function loadAndScore(file: string, options: { year?: number; lang?: Lang }, io?: Io, progressLang: Lang = 'it'): Promise<{ input: PlanInput; result: ScoreResult; workbook: ExcelJS.Workbook }> {
  io?.err(say(progressLang, 'reading', { file }));
  const { input, workbook } = await readPlanFile(file);
  io?.err(say(progressLang, 'scoring'));
  const result = scorePlan(input, options);
  return { input, result, workbook };
}

function defaultOut(file: string, lang: Lang): string {
  const ext = extname(file) || '.xlsx';
  return join(dirname(file), `${basename(file, ext)}${lang === 'it' ? '-valutato' : '-scored'}${ext}`);
}

async function scoreCommand(args: Args, io: Io): Promise<number> {
  const requested = langOption(args.options.lang, 'it');
  const file = args.positional[0];
  if (!file) throw new CliError(say(requested, 'missingArg', { usage: 'cruscotto score <file.xlsx>' }));
  const year = yearOption(args.options.year, requested);
  const quiet = args.options.quiet === true;
  const progress = quiet ? undefined : io;
  const jsonFile = typeof args.options.json === 'string' ? args.options.json : null;
  // Everything derived from the results is made inside this call, so the results themselves can be
  // collected before ExcelJS builds the file (a large plan's write plan is a lot to carry through it).
  const { workbook, lang, out, json, summary, errors } = await (async () => {
    const { result, workbook } = await loadAndScore(file, { year, lang: args.options.lang ? requested : undefined }, progress, requested);
    applyWritePlan(workbook, result.writePlan);
    const out = typeof args.options.out === 'string' ? args.options.out : defaultOut(file, result.lang);
    return {
      workbook,
      lang: result.lang,
      out,
      json: jsonFile ? JSON.stringify(resultJson(result), null, 2) + '\n' : null,
      summary: quiet ? [] : summaryLines(file, result, [out, ...(jsonFile ? [jsonFile] : [])]),
      errors: result.issues.filter((i) => i.severity === 'error').length,
    };
  })();
  progress?.err(say(lang, 'writing', { file: out }));
  try {
    await writeWorkbook(workbook, out);
    if (jsonFile && json) writeFileSync(jsonFile, json);
  } catch (e) {
    throw new CliError(say(lang, 'cannotWrite', { file: out, reason: (e as Error).message }));
  }
  for (const line of summary) io.out(line);
  if (args.options.strict && errors > 0) {
    io.err(say(lang, 'strictFail'));
    return 1;
  }
  return 0;
}

/** The --json shape: scores as fractions (0.976, not 97.6). */
export function resultJson(result: ScoreResult) {
  return {
    year: result.settings.year,
    method: result.settings.method,
    entity: { score: result.entity.score, rating: result.entity.rating },
    objectives: result.objectives.map((o) => ({ code: o.code, parent: o.parent, score: o.score, achievement: o.achievement, rating: o.rating })),
    indicators: result.indicators.map((i) => ({
      code: i.code, objective: i.objective, achievement: i.achievement, score: i.score, status: i.status,
      overridden: i.overridden, excluded: i.excluded, weight: i.weight, contribution: i.contribution,
    })),
    groups: result.groups,
    issues: result.issues.map((i) => ({ severity: i.severity, sheet: i.sheet, cell: i.cell, message: i.message, code: i.code })),
  };
}

function summaryLines(file: string, result: ScoreResult, outputs: string[]): string[] {
  const lang = result.lang;
  const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
  const lines = [
    say(lang, 'title', { file: basename(file), year: result.settings.year ?? '-', method: methodLabel(result.settings.method, lang) }),
    say(lang, 'entity', { score: formatPercent(result.entity.score, lang), rating: result.entity.rating ?? 'n.d.' }),
    say(lang, 'counts', {
      objectives: result.objectives.filter((o) => o.score !== null).length,
      objectivesAll: result.objectives.length,
      indicators: result.indicators.filter((i) => i.score !== null).length,
      indicatorsAll: result.indicators.length,
    }),
    say(lang, 'issues', { error: count('error'), warning: count('warning'), info: count('info'), sheet: lang === 'it' ? 'Segnalazioni' : 'Issues' }),
  ];
  const errors = result.issues.filter((i) => i.severity === 'error').slice(0, 5);
  if (errors.length) {
    lines.push(say(lang, 'firstIssues'));
    for (const e of errors) lines.push(`  ${e.sheet}!${e.cell || '-'}  ${e.message}`);
  }
  lines.push(say(lang, 'outputs', { files: outputs.join(', ') }));
  return lines;
}

async function initCommand(args: Args, io: Io): Promise<number> {
  const lang = langOption(args.options.lang, 'it');
  const file = args.positional[0];
  if (!file) throw new CliError(say(lang, 'missingArg', { usage: 'cruscotto init <file.xlsx>' }));
  if (existsSync(file) && !args.options.force) throw new CliError(say(lang, 'exists', { file }));
  const workbook = new ExcelJS.Workbook();
  applyWritePlan(workbook, templatePlan(lang));
  try {
    await writeWorkbook(workbook, file);
  } catch (e) {
    throw new CliError(say(lang, 'cannotWrite', { file, reason: (e as Error).message }));
  }
  io.out(say(lang, 'created', { file }));
  return 0;
}

async function parseTargetCommand(args: Args, io: Io): Promise<number> {
  const lang = langOption(args.options.lang, 'it');
  const year = yearOption(args.options.year, lang) ?? null;
  let failed = false;
  const one = (input: string) => {
    const json = targetToJson(input, parseTarget(input, { year }));
    if ('error' in json) {
      failed = true;
      json.error = coreT(lang, `target.error.${json.error as 'unreadable'}`);
    }
    io.out(JSON.stringify(json));
  };
  if (args.positional.length > 0) args.positional.forEach(one);
  else for await (const line of io.stdin()) if (line.trim() !== '') one(line);
  return failed ? 1 : 0;
}

function writeText(file: string, text: string, lang: Lang): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(say(lang, 'cannotWrite', { file, reason: (e as Error).message }));
  }
}

async function reportCommand(args: Args, io: Io): Promise<number> {
  const lang = langOption(args.options.lang, 'it');
  const file = args.positional[0];
  if (!file) throw new CliError(say(lang, 'missingArg', { usage: 'cruscotto report <file.xlsx> --html F.html' }));
  if (typeof args.options.html !== 'string') throw new CliError(say(lang, 'needHtml'));
  const year = yearOption(args.options.year, lang);
  const { result } = await loadAndScore(file, { year, lang: args.options.lang ? lang : undefined }, io, lang);
  writeText(args.options.html, renderReport(result, { lang: result.lang, sourceName: basename(file) }), result.lang);
  io.out(say(result.lang, 'reportWritten', { file: args.options.html }));
  return 0;
}

async function diffCommand(args: Args, io: Io): Promise<number> {
  const lang = langOption(args.options.lang, 'it');
  const [before, after] = args.positional;
  if (!before || !after) throw new CliError(say(lang, 'missingArg', { usage: 'cruscotto diff <prima.xlsx> <dopo.xlsx> [--html F.html]' }));
  const year = yearOption(args.options.year, lang);
  const a = await loadAndScore(before, { year, lang }, io, lang);
  const b = await loadAndScore(after, { year, lang }, io, lang);
  const diff = diffPlans(a, b);
  io.out(formatDiffText(diff, lang));
  if (typeof args.options.html === 'string') {
    writeText(args.options.html, renderDiff(diff, lang), lang);
    io.out(say(lang, 'diffWritten', { file: args.options.html }));
  }
  return 0;
}
