/**
 * Every mistake a new user makes on the command line, with its exit code and the exact sentence, in
 * Italian and in English. The English run puts `--lang en` before the command, so each row also proves
 * that the option works there.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.js';
import type { Lang } from '../../src/core/index.js';

const EXAMPLE = new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname;
let dir: string;

async function run(argv: string[], options: { stdin?: string; tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: () => createInterface({ input: Readable.from([options.stdin ?? '']) }),
    stdinIsTTY: () => options.tty ?? false,
  });
  return { code, out, err };
}

/** A workbook holding the given tables, written with ExcelJS directly (not through the code under test). */
async function writeTables(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}

const f = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cruscotto-mistakes-'));
  await writeTables(f('plain.xlsx'), {
    Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
    Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', 12]],
    Impostazioni: [['Chiave', 'Valore'], ['anno', 2024]],
  });
  await writeTables(f('senza-consuntivi.xlsx'), {
    Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
    Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', null], ['1.2', '1', '<= 5', null]],
  });
  for (const ext of ['ods', 'xls', 'csv']) writeFileSync(f(`piano.${ext}`), 'Codice;Obiettivo\n1.1;1\n');
  await writeTables(f('senza-indicatori.xlsx'), { Foglio1: [['a']] });
  writeFileSync(f('finto.xlsx'), 'Codice;Obiettivo\n');
  mkdirSync(f('risultati.json'));
  mkdirSync(f('esistente'));
  await writeTables(f('esistente/piano.xlsx'), { Indicatori: [['Codice']] });
});

interface Mistake {
  name: string;
  argv: (lang: Lang) => string[];
  code: number;
  /** The last line on standard error (after "cruscotto: " for an error), or every line expected on stdout. */
  it: () => string;
  en: () => string;
  stream?: 'err' | 'out';
  stdin?: string;
  tty?: boolean;
  /** What must be true on disk afterwards. */
  then?: (lang: Lang) => void;
}

const MISTAKES: Mistake[] = [
  {
    name: 'unknown command', argv: () => ['frobnicate'], code: 2,
    it: () => 'cruscotto: Comando sconosciuto "frobnicate". Usare "cruscotto help".',
    en: () => 'cruscotto: Unknown command "frobnicate". Use "cruscotto help".',
  },
  {
    name: 'a command named like an object property', argv: () => ['constructor'], code: 2,
    it: () => 'cruscotto: Comando sconosciuto "constructor". Usare "cruscotto help".',
    en: () => 'cruscotto: Unknown command "constructor". Use "cruscotto help".',
  },
  {
    name: 'an option named like an object property', argv: () => ['score', EXAMPLE, '--toString'], code: 2,
    it: () => 'cruscotto: Opzione sconosciuta --toString. Usare "cruscotto help".',
    en: () => 'cruscotto: Unknown option --toString. Use "cruscotto help".',
  },
  {
    name: 'unknown option', argv: () => ['score', EXAMPLE, '--bogus'], code: 2,
    it: () => 'cruscotto: Opzione sconosciuta --bogus. Usare "cruscotto help".',
    en: () => 'cruscotto: Unknown option --bogus. Use "cruscotto help".',
  },
  {
    name: 'option without its value, last on the line', argv: () => ['score', EXAMPLE, '--out'], code: 2,
    it: () => 'cruscotto: Manca il valore dell\'opzione --out (ad esempio --out piano-valutato.xlsx).',
    en: () => 'cruscotto: The option --out needs a value (for example --out piano-valutato.xlsx).',
  },
  {
    name: 'option without its value, followed by another option', argv: () => ['score', EXAMPLE, '--json', '--strict'], code: 2,
    it: () => 'cruscotto: Manca il valore dell\'opzione --json (ad esempio --json risultati.json).',
    en: () => 'cruscotto: The option --json needs a value (for example --json risultati.json).',
  },
  {
    name: 'option with an empty inline value', argv: () => ['score', EXAMPLE, '--year='], code: 2,
    it: () => 'cruscotto: Manca il valore dell\'opzione --year (ad esempio --year 2025).',
    en: () => 'cruscotto: The option --year needs a value (for example --year 2025).',
  },
  {
    name: 'an extra file is an error, not ignored',
    argv: () => ['score', f('esistente/piano.xlsx'), f('esistente/altro.xlsx')], code: 2,
    it: () => `cruscotto: Argomento in più: "${f('esistente/altro.xlsx')}" (cruscotto score <file.xlsx>).`,
    en: () => `cruscotto: Unexpected argument "${f('esistente/altro.xlsx')}" (cruscotto score <file.xlsx>).`,
    then: () => expect(readdirSync(f('esistente'))).toEqual(['piano.xlsx']),
  },
  {
    name: 'a third file for diff', argv: () => ['diff', EXAMPLE, EXAMPLE, EXAMPLE], code: 2,
    it: () => `cruscotto: Argomento in più: "${EXAMPLE}" (cruscotto diff <prima.xlsx> <dopo.xlsx> [--html F.html]).`,
    en: () => `cruscotto: Unexpected argument "${EXAMPLE}" (cruscotto diff <before.xlsx> <after.xlsx> [--html F.html]).`,
  },
  {
    name: 'report does not take --json', argv: () => ['report', EXAMPLE, '--html', f('r.html'), '--json', f('r.json')], code: 2,
    it: () => 'cruscotto: Il comando report non accetta l\'opzione --json.',
    en: () => 'cruscotto: The report command does not take the option --json.',
    then: () => expect(existsSync(f('r.html'))).toBe(false),
  },
  {
    name: 'diff does not take --schede', argv: () => ['diff', EXAMPLE, EXAMPLE, '--schede', f('s.html')], code: 2,
    it: () => 'cruscotto: Il comando diff non accetta l\'opzione --schede.',
    en: () => 'cruscotto: The diff command does not take the option --schede.',
  },
  {
    name: '--period without its value', argv: () => ['report', EXAMPLE, '--html', f('r.html'), '--period'], code: 2,
    it: () => 'cruscotto: Manca il valore dell\'opzione --period (ad esempio --period 30/06).',
    en: () => 'cruscotto: The option --period needs a value (for example --period 30/06).',
  },
  {
    name: 'report does not take --strict', argv: () => ['report', EXAMPLE, '--html', f('r.html'), '--strict'], code: 2,
    it: () => 'cruscotto: Il comando report non accetta l\'opzione --strict.',
    en: () => 'cruscotto: The report command does not take the option --strict.',
  },
  {
    name: 'init does not take --year', argv: () => ['init', f('x.xlsx'), '--year', '2025'], code: 2,
    it: () => 'cruscotto: Il comando init non accetta l\'opzione --year.',
    en: () => 'cruscotto: The init command does not take the option --year.',
  },
  {
    name: 'no file', argv: () => ['score'], code: 2,
    it: () => 'cruscotto: Manca il file: cruscotto score <file.xlsx>',
    en: () => 'cruscotto: Missing file: cruscotto score <file.xlsx>',
  },
  {
    name: 'diff with one file', argv: () => ['diff', EXAMPLE], code: 2,
    it: () => 'cruscotto: Manca il file: cruscotto diff <prima.xlsx> <dopo.xlsx> [--html F.html]',
    en: () => 'cruscotto: Missing file: cruscotto diff <before.xlsx> <after.xlsx> [--html F.html]',
  },
  {
    name: 'file not found', argv: () => ['score', f('nessuno.xlsx')], code: 2,
    it: () => `cruscotto: ${f('nessuno.xlsx')}: file non trovato.`,
    en: () => `cruscotto: ${f('nessuno.xlsx')}: file not found.`,
  },
  ...(['ods', 'xls', 'csv'] as const).map((ext, i): Mistake => ({
    name: `a .${ext} plan is told to be saved as .xlsx (${['score', 'report', 'diff'][i]})`,
    argv: () => [
      ['score', f(`piano.${ext}`)],
      ['report', f(`piano.${ext}`), '--html', f('r.html')],
      ['diff', EXAMPLE, f(`piano.${ext}`)],
    ][i],
    code: 2,
    it: () => `cruscotto: ${f(`piano.${ext}`)}: i file .${ext} non sono letti; aprirlo nel foglio di calcolo e salvarlo come .xlsx (Cartella di lavoro di Excel).`,
    en: () => `cruscotto: ${f(`piano.${ext}`)}: .${ext} files are not read; open it in your spreadsheet program and save it as .xlsx (Excel Workbook).`,
  })),
  {
    name: 'a file named .xlsx that is not a workbook', argv: () => ['score', f('finto.xlsx')], code: 2,
    it: () => `cruscotto: ${f('finto.xlsx')}: non è un file xlsx leggibile; aprirlo nel foglio di calcolo e salvarlo di nuovo come .xlsx.`,
    en: () => `cruscotto: ${f('finto.xlsx')}: not a readable xlsx file; open it in your spreadsheet program and save it again as .xlsx.`,
  },
  {
    name: 'a workbook without an Indicatori sheet', argv: () => ['score', f('senza-indicatori.xlsx')], code: 2,
    it: () => 'cruscotto: Manca il foglio Indicatori.',
    en: () => 'cruscotto: The Indicators sheet is missing.',
  },
  {
    name: 'init refuses a .csv name', argv: () => ['init', f('nuovo.csv')], code: 2,
    it: () => `cruscotto: ${f('nuovo.csv')}: il cruscotto si scrive in formato .xlsx; usare un nome che finisce in .xlsx (ad esempio ${f('nuovo.xlsx')}).`,
    en: () => `cruscotto: ${f('nuovo.csv')}: the plan is written as .xlsx; use a name ending in .xlsx (for example ${f('nuovo.xlsx')}).`,
    then: () => expect(existsSync(f('nuovo.csv'))).toBe(false),
  },
  {
    name: 'init adds .xlsx to a name without extension, and says so', argv: (lang) => ['init', f(`modello-${lang}`)], code: 0,
    it: () => `Nome senza estensione: scrivo ${f('modello-it.xlsx')}.`,
    en: () => `No extension given: writing ${f('modello-en.xlsx')}.`,
    then: (lang) => {
      expect(existsSync(f(`modello-${lang}.xlsx`))).toBe(true);
      expect(existsSync(f(`modello-${lang}`))).toBe(false);
    },
  },
  {
    name: 'score refuses --out with another extension', argv: () => ['score', EXAMPLE, '--out', f('valutato.ods')], code: 2,
    it: () => `cruscotto: ${f('valutato.ods')}: il cruscotto si scrive in formato .xlsx; usare un nome che finisce in .xlsx (ad esempio ${f('valutato.xlsx')}).`,
    en: () => `cruscotto: ${f('valutato.ods')}: the plan is written as .xlsx; use a name ending in .xlsx (for example ${f('valutato.xlsx')}).`,
  },
  {
    name: 'an output that is the input, without --in-place', argv: () => ['score', f('esistente/piano.xlsx'), '--out', f('esistente/../esistente/piano.xlsx')], code: 2,
    it: () => `cruscotto: ${f('esistente/../esistente/piano.xlsx')}: il file di uscita è quello di ingresso; usare --in-place per aggiornarlo o un altro --out.`,
    en: () => `cruscotto: ${f('esistente/../esistente/piano.xlsx')}: the output is the input file; use --in-place to update it, or another --out.`,
  },
  {
    name: '--in-place with --out', argv: () => ['score', f('esistente/piano.xlsx'), '--in-place', '--out', f('altro.xlsx')], code: 2,
    it: () => 'cruscotto: Usare --in-place (scrive nel file stesso) oppure --out, non entrambi.',
    en: () => 'cruscotto: Use --in-place (writes into the file itself) or --out, not both.',
  },
  {
    name: 'missing output folder (score --out)', argv: () => ['score', EXAMPLE, '--out', f('manca/valutato.xlsx')], code: 2,
    it: () => `cruscotto: La cartella ${f('manca')} non esiste: crearla o scegliere un altro percorso per ${f('manca/valutato.xlsx')}.`,
    en: () => `cruscotto: The folder ${f('manca')} does not exist: create it or choose another path for ${f('manca/valutato.xlsx')}.`,
  },
  {
    name: 'missing output folder (score --json)', argv: () => ['score', EXAMPLE, '--out', f('v.xlsx'), '--json', f('manca/r.json')], code: 2,
    it: () => `cruscotto: La cartella ${f('manca')} non esiste: crearla o scegliere un altro percorso per ${f('manca/r.json')}.`,
    en: () => `cruscotto: The folder ${f('manca')} does not exist: create it or choose another path for ${f('manca/r.json')}.`,
    then: () => expect(existsSync(f('v.xlsx'))).toBe(false),
  },
  {
    name: 'missing output folder (report --html)', argv: () => ['report', EXAMPLE, '--html', f('manca/r.html')], code: 2,
    it: () => `cruscotto: La cartella ${f('manca')} non esiste: crearla o scegliere un altro percorso per ${f('manca/r.html')}.`,
    en: () => `cruscotto: The folder ${f('manca')} does not exist: create it or choose another path for ${f('manca/r.html')}.`,
  },
  {
    name: 'missing output folder (init)', argv: () => ['init', f('manca/piano.xlsx')], code: 2,
    it: () => `cruscotto: La cartella ${f('manca')} non esiste: crearla o scegliere un altro percorso per ${f('manca/piano.xlsx')}.`,
    en: () => `cruscotto: The folder ${f('manca')} does not exist: create it or choose another path for ${f('manca/piano.xlsx')}.`,
  },
  {
    name: 'a --json that cannot be written is named, not the xlsx',
    argv: (lang) => ['score', EXAMPLE, '--out', f(`ok-${lang}.xlsx`), '--json', f('risultati.json')], code: 2,
    it: () => `cruscotto: Impossibile scrivere ${f('risultati.json')}: è una cartella.`,
    en: () => `cruscotto: Cannot write ${f('risultati.json')}: it is a folder.`,
  },
  {
    name: '--year with no Target column of that year stops and lists the years',
    argv: () => ['score', EXAMPLE, '--year', '2027', '--out', f('anno.xlsx')], code: 2,
    it: () => 'cruscotto: Nessuna colonna Target 2027 nel foglio Indicatori: gli anni con una colonna Target sono 2023, 2024, 2025, 2026.',
    en: () => 'cruscotto: No Target 2027 column in sheet Indicatori: the years with a Target column are 2023, 2024, 2025, 2026.',
    then: () => expect(existsSync(f('anno.xlsx'))).toBe(false),
  },
  {
    name: '--year other than anno on a plain Target column warns and still scores',
    argv: (lang) => ['score', f('plain.xlsx'), '--year', '2025', '--out', f(`plain-${lang}.xlsx`), '--quiet'], code: 0,
    it: () => 'Attenzione: --year 2025, ma Impostazioni indica anno 2024; la colonna Target del foglio Indicatori è valutata come target del 2025.',
    en: () => 'Warning: --year 2025, but Impostazioni says year 2024; the Target column of sheet Indicatori is scored as the 2025 target.',
    then: (lang) => expect(existsSync(f(`plain-${lang}.xlsx`))).toBe(true),
  },
  {
    name: 'a year that is not a year', argv: () => ['score', EXAMPLE, '--year', 'duemila'], code: 2,
    it: () => 'cruscotto: Anno non valido: duemila.',
    en: () => 'cruscotto: Invalid year: duemila.',
  },
  {
    name: 'a language that is not offered', argv: () => ['score', EXAMPLE, '--lang', 'fr'], code: 2,
    it: () => 'cruscotto: Lingua non valida: fr (it o en).',
    en: () => 'cruscotto: Invalid language: fr (it or en).',
  },
  {
    name: 'report without --html', argv: () => ['report', EXAMPLE], code: 2,
    it: () => 'cruscotto: Indicare il file di uscita con --html (relazione) o --schede (schede individuali).',
    en: () => 'cruscotto: Give the output file with --html (report) or --schede (individual scorecards).',
  },
  {
    name: 'init over an existing file', argv: () => ['init', f('esistente/piano.xlsx')], code: 2,
    it: () => `cruscotto: ${f('esistente/piano.xlsx')} esiste già: usare --force per sovrascriverlo.`,
    en: () => `cruscotto: ${f('esistente/piano.xlsx')} already exists: use --force to overwrite it.`,
  },
  {
    name: 'parse-target with no expression at a terminal gives a hint', argv: () => ['parse-target'], code: 0, stdin: '>= 5\n', tty: true,
    it: () => 'Scrivere un target per riga (Ctrl+D per finire), oppure: cruscotto parse-target ">= 45,00 %"',
    en: () => 'Type one target a line (Ctrl+D to finish), or: cruscotto parse-target ">= 45,00 %"',
  },
  {
    name: 'an empty template says why it has no result, and what to fill in', stream: 'out',
    argv: (lang) => ['score', f(`vuoto-${lang}.xlsx`), '--out', f(`vuoto-${lang}-valutato.xlsx`)], code: 0,
    it: () => [
      'Cruscotto — vuoto-it.xlsx (anno -, metodo proporzionale)',
      'Risultato dell\'ente: n.d. — il foglio Indicatori non ha indicatori.',
      `Compilare almeno Codice, Obiettivo, Target e Consuntivo di un indicatore, poi: cruscotto score ${f('vuoto-it.xlsx')}`,
      'Obiettivi valutati: 0/0 · Indicatori misurati: 0/0',
      'Segnalazioni: 0 errori, 0 avvisi, 0 informazioni (foglio Segnalazioni)',
      `Scritto: ${f('vuoto-it-valutato.xlsx')}`,
    ].join('\n'),
    en: () => [
      'Cruscotto — vuoto-en.xlsx (year -, method linear)',
      'Entity result: n.d. — sheet Indicators has no indicators.',
      `Fill in at least Code, Objective, Target and Actual of one indicator, then: cruscotto score ${f('vuoto-en.xlsx')}`,
      'Objectives scored: 0/0 · Indicators measured: 0/0',
      'Issues: 0 errors, 0 warnings, 0 notes (sheet Issues)',
      `Written: ${f('vuoto-en-valutato.xlsx')}`,
    ].join('\n'),
  },
  {
    name: 'a plan without actuals says so', stream: 'out',
    argv: (lang) => ['score', f('senza-consuntivi.xlsx'), '--out', f(`senza-${lang}.xlsx`)], code: 0,
    it: () => [
      'Risultato dell\'ente: n.d. — nessuno dei 2 indicatori ha un consuntivo.',
      `Compilare la colonna Consuntivo del foglio Indicatori, poi: cruscotto score ${f('senza-consuntivi.xlsx')}`,
    ].join('\n'),
    en: () => [
      'Entity result: n.d. — none of the 2 indicators has an actual.',
      `Fill in the Actual column of sheet Indicatori, then: cruscotto score ${f('senza-consuntivi.xlsx')}`,
    ].join('\n'),
  },
];

describe('command-line mistakes', () => {
  beforeAll(async () => {
    // The empty templates, made by init in each language.
    expect((await run(['init', f('vuoto-it.xlsx')])).code).toBe(0);
    expect((await run(['init', f('vuoto-en.xlsx'), '--lang', 'en'])).code).toBe(0);
  });

  for (const lang of ['it', 'en'] as const) {
    describe(lang, () => {
      it.each(MISTAKES.map((m) => [m.name, m] as const))('%s', async (_, m) => {
        const argv = lang === 'en' ? ['--lang', 'en', ...m.argv(lang)] : m.argv(lang);
        const r = await run(argv, { stdin: m.stdin, tty: m.tty });
        const expected = m[lang]();
        if (m.stream === 'out') {
          // The lines in order, wherever they fall in the summary.
          const lines = expected.split('\n');
          const start = r.out.indexOf(lines[0]);
          expect(start, r.out.join('\n')).toBeGreaterThanOrEqual(0);
          expect(r.out.slice(start, start + lines.length)).toEqual(lines);
        } else if (m.code === 0) {
          expect(r.err).toContain(expected);
        } else {
          expect(r.err.at(-1)).toBe(expected);
          expect(r.out).toEqual([]);
        }
        expect(r.code).toBe(m.code);
        m.then?.(lang);
      });
    });
  }
});

describe('score --in-place', () => {
  it('writes the results into the input file and nowhere else', async () => {
    const file = await writeTables(f('sul-posto/piano.xlsx'.replace('/', '-')), {
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
      Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', 8]],
    });
    const before = readdirSync(dir).length;
    const r = await run(['score', file, '--in-place', '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toHaveLength(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Sintesi', 'Segnalazioni']));
  });
});

describe('one language a run', () => {
  it('an English workbook without --lang speaks English from the first line to the last', async () => {
    const file = await writeTables(f('english.xlsx'), {
      Objectives: [['Code', 'Title'], ['1', 'One']],
      Indicators: [['Code', 'Objective', 'Target', 'Actual'], ['1.1', '1', '>= 10', 8], ['1.2', '1', '>= 10', 'eight']],
      Settings: [['Key', 'Value'], ['year', 2024]],
    });
    const out = f('english-scored.xlsx');
    const r = await run(['score', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`Writing ${out}…`]);
    expect(r.out[0]).toBe('Cruscotto — english.xlsx (year 2024, method linear)');
    expect(r.out[1]).toMatch(/^Entity result: 80\.00% — \w+/);
    expect(r.out).toContain('First errors:');
    expect(r.out.at(-1)).toBe(`Written: ${out}`);
    // No Italian word from the CLI's or the core's messages.
    expect([...r.err, ...r.out].join('\n')).not.toMatch(/\b(Scrittura|Lettura|Risultato|Segnalazioni|Scritto|Primi|foglio|colonna|manca)\b/i);
  });

  it('--lang en asked after the command prints progress in English from the start', async () => {
    const out = f('progress-en.xlsx');
    const r = await run(['score', EXAMPLE, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([`Reading ${EXAMPLE}…`, 'Scoring pira-2024.xlsx…', `Writing ${out}…`]);
    expect(r.out[0]).toBe('Cruscotto — pira-2024.xlsx (year 2024, method linear)');
  });
});
