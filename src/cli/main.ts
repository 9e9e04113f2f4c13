/**
 * `cruscotto`: score a plan workbook, create the template, read target expressions, report and diff.
 * Italian by default, English with --lang en or an English workbook. Errors are one sentence, never a
 * stack trace; data problems are issues in the output, not failures.
 *
 * Each command's module is loaded only when it runs: help and parse-target never load ExcelJS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PlanError, SHEETS, t as coreT } from '../core/index.js';
import { parseCommandLine, requestedLang } from './args.js';
import { CliError, defaultIo, type Io } from './terminal.js';
import { TEXT } from './text.js';

export type { Io } from './terminal.js';

/** The package's version, from dist/node/cli (built) or src/cli (sources run by tsx or vitest). */
function version(): string {
  for (const up of ['../../../package.json', '../../package.json']) {
    const url = new URL(up, import.meta.url);
    if (existsSync(url)) {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cruscotto' && pkg.version) return pkg.version;
    }
  }
  return '?';
}

export async function main(argv: string[], ioOverrides: Partial<Io> = {}): Promise<number> {
  const io: Io = { ...defaultIo, ...ioOverrides };
  try {
    const line = parseCommandLine(argv);
    switch (line.command) {
      case 'help':
        io.out(TEXT.usage[line.lang]);
        return 0;
      case 'version':
        io.out(version());
        return 0;
      case 'init':
        return await (await import('./commands/init.js')).initCommand(line, io);
      case 'score':
        return await (await import('./commands/score.js')).scoreCommand(line, io);
      case 'report':
        return await (await import('./commands/report.js')).reportCommand(line, io);
      case 'diff':
        return await (await import('./commands/diff.js')).diffCommand(line, io);
      case 'parse-target':
        return await (await import('./commands/parse-target.js')).parseTargetCommand(line, io);
    }
  } catch (e) {
    // WorkbookFileError is recognised by name: importing its module here would load ExcelJS for every command.
    if (e instanceof PlanError && e.code === 'sheet.missing') {
      // The core says it in both languages, not knowing the reader's; the command line knows it.
      const lang = requestedLang(argv) ?? 'it';
      io.err(`cruscotto: ${coreT(lang, 'sheet.missing', { sheet: SHEETS.indicators[lang] })}`);
      return 2;
    }
    if (e instanceof CliError || e instanceof PlanError || (e instanceof Error && e.name === 'WorkbookFileError')) {
      io.err(`cruscotto: ${e.message}`);
      return e instanceof CliError ? e.exitCode : 2;
    }
    throw e;
  }
}
