/**
 * Everything the command prints, Italian first and English beside it. A run picks one language before it
 * prints anything, so progress lines, summary and errors never mix.
 */
import type { Lang } from '../core/index.js';

type Text = Record<Lang, string>;

export const TEXT = {
  usage: {
    it: `Uso: cruscotto <comando> [opzioni]

Comandi:
  init <file.xlsx> [--force]                  crea un cruscotto vuoto (Obiettivi, Indicatori, Impostazioni)
  score <file.xlsx> [--out F.xlsx | --in-place] [--json F.json] [--year 2025] [--period 30/06] [--strict] [--quiet]
                                              calcola punteggi, risultati e segnalazioni
  report <file.xlsx> --html F.html [--schede S.html] [--year 2025] [--period 30/06] [--completo] [--quiet]
                                              relazione HTML con tabelle e grafici; schede individuali
  diff <prima.xlsx> <dopo.xlsx> [--html F.html] [--year 2025] [--period 30/06] [--quiet]
                                              differenze tra due versioni del piano
  parse-target [espressione ...] [--year 2025]
                                              legge target come ">= 45,00 %" (senza argomenti: da stdin)
  help, --version

Ogni comando accetta --lang it|en (lingua dei messaggi e dei fogli scritti), anche prima del comando.

Codici di uscita: 0 piano calcolato (anche con segnalazioni; con --strict 1 se ci sono errori),
1 espressione non leggibile (parse-target), 2 comando errato, file non leggibile o senza foglio Indicatori.`,
    en: `Usage: cruscotto <command> [options]

Commands:
  init <file.xlsx> [--force]                  create an empty plan (Objectives, Indicators, Settings)
  score <file.xlsx> [--out F.xlsx | --in-place] [--json F.json] [--year 2025] [--period 30/06] [--strict] [--quiet]
                                              compute scores, results and issues
  report <file.xlsx> --html F.html [--schede S.html] [--year 2025] [--period 30/06] [--completo] [--quiet]
                                              HTML report with tables and charts; individual scorecards
  diff <before.xlsx> <after.xlsx> [--html F.html] [--year 2025] [--period 30/06] [--quiet]
                                              changes between two versions of a plan
  parse-target [expression ...] [--year 2025]
                                              read targets such as ">= 45,00 %" (no arguments: stdin)
  help, --version

Every command takes --lang it|en (language of the messages and of the written sheets), also before the command.

Exit codes: 0 plan scored (even with issues; with --strict 1 when there are errors),
1 unreadable expression (parse-target), 2 wrong command, unreadable file or no Indicators sheet.`,
  },
  reading: { it: 'Lettura di {file}…', en: 'Reading {file}…' },
  scoring: { it: 'Calcolo dei punteggi di {file}…', en: 'Scoring {file}…' },
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
  unknownOption: { it: 'Opzione sconosciuta {option}. Usare "cruscotto help".', en: 'Unknown option {option}. Use "cruscotto help".' },
  missingValue: { it: 'Manca il valore dell\'opzione {option} (ad esempio {example}).', en: 'The option {option} needs a value (for example {example}).' },
  optionNotForCommand: { it: 'Il comando {command} non accetta l\'opzione {option}.', en: 'The {command} command does not take the option {option}.' },
  extraArgument: { it: 'Argomento in più: "{argument}" ({usage}).', en: 'Unexpected argument "{argument}" ({usage}).' },
  badYear: { it: 'Anno non valido: {value}.', en: 'Invalid year: {value}.' },
  badLang: { it: 'Lingua non valida: {value} (it o en).', en: 'Invalid language: {value} (it or en).' },
  exists: { it: '{file} esiste già: usare --force per sovrascriverlo.', en: '{file} already exists: use --force to overwrite it.' },
  created: { it: 'Creato {file}: compilare Obiettivi e Indicatori, poi "cruscotto score {file}".', en: 'Created {file}: fill in Objectives and Indicators, then "cruscotto score {file}".' },
  cannotWrite: { it: 'Impossibile scrivere {file}: {reason}.', en: 'Cannot write {file}: {reason}.' },
  needHtml: {
    it: 'Indicare il file di uscita con --html (relazione) o --schede (schede individuali).',
    en: 'Give the output file with --html (report) or --schede (individual scorecards).',
  },
  reportWritten: { it: 'Relazione scritta in {file}.', en: 'Report written to {file}.' },
  schedeWritten: { it: 'Schede individuali ({count}) scritte in {file}.', en: 'Individual scorecards ({count}) written to {file}.' },
  noPeople: {
    it: 'Nessuna scheda da scrivere: il piano non ha il foglio {sheet} né un Responsabile negli obiettivi.',
    en: 'No scorecards to write: the plan has no {sheet} sheet and no Responsabile on its objectives.',
  },
  diffWritten: { it: 'Differenze scritte in {file}.', en: 'Differences written to {file}.' },
  inPlaceWithOut: {
    it: 'Usare --in-place (scrive nel file stesso) oppure --out, non entrambi.',
    en: 'Use --in-place (writes into the file itself) or --out, not both.',
  },
  sameFile: {
    it: '{file}: il file di uscita è quello di ingresso; usare --in-place per aggiornarlo o un altro --out.',
    en: '{file}: the output is the input file; use --in-place to update it, or another --out.',
  },
  unreadable: {
    it: '{file}: non è un file xlsx leggibile; aprirlo nel foglio di calcolo e salvarlo di nuovo come .xlsx.',
    en: '{file}: not a readable xlsx file; open it in your spreadsheet program and save it again as .xlsx.',
  },
  notFound: { it: '{file}: file non trovato.', en: '{file}: file not found.' },
  saveAsXlsx: {
    it: '{file}: i file {ext} non sono letti; aprirlo nel foglio di calcolo e salvarlo come .xlsx (Cartella di lavoro di Excel).',
    en: '{file}: {ext} files are not read; open it in your spreadsheet program and save it as .xlsx (Excel Workbook).',
  },
  outputNotXlsx: {
    it: '{file}: il cruscotto si scrive in formato .xlsx; usare un nome che finisce in .xlsx (ad esempio {suggestion}).',
    en: '{file}: the plan is written as .xlsx; use a name ending in .xlsx (for example {suggestion}).',
  },
  addedExtension: { it: 'Nome senza estensione: scrivo {file}.', en: 'No extension given: writing {file}.' },
  noFolder: {
    it: 'La cartella {folder} non esiste: crearla o scegliere un altro percorso per {file}.',
    en: 'The folder {folder} does not exist: create it or choose another path for {file}.',
  },
  reasonDenied: { it: 'permesso negato', en: 'permission denied' },
  reasonFolder: { it: 'è una cartella', en: 'it is a folder' },
  reasonBusy: { it: 'il file è aperto in un altro programma', en: 'the file is open in another program' },
  reasonFull: { it: 'disco pieno', en: 'the disk is full' },
  periodUnknown: {
    it: 'Periodo «{period}» non trovato nel foglio {sheet}: i periodi sono {periods}.',
    en: 'Period "{period}" not found in sheet {sheet}: the periods are {periods}.',
  },
  periodNoColumns: {
    it: 'Periodo «{period}» non trovato: il foglio {sheet} non ha colonne di periodo (ad esempio «Consuntivo 30/06»).',
    en: 'Period "{period}" not found: sheet {sheet} has no period columns (for example "Consuntivo 30/06").',
  },
  periodYearEnd: { it: 'fine anno', en: 'year end' },
  yearNoColumn: {
    it: 'Nessuna colonna Target {year} nel foglio {sheet}: gli anni con una colonna Target sono {years}.',
    en: 'No Target {year} column in sheet {sheet}: the years with a Target column are {years}.',
  },
  yearPlainColumn: {
    it: 'Attenzione: nessuna colonna Target {year} nel foglio {sheet}; uso la colonna {column}.',
    en: 'Warning: no Target {year} column in sheet {sheet}; using the column {column}.',
  },
  yearOtherThanSettings: {
    it: 'Attenzione: --year {year}, ma {settings} indica anno {settingsYear}; la colonna {column} del foglio {sheet} è valutata come target del {year}.',
    en: 'Warning: --year {year}, but {settings} says year {settingsYear}; the {column} column of sheet {sheet} is scored as the {year} target.',
  },
  noIndicators: {
    it: 'Risultato dell\'ente: n.d. — il foglio {sheet} non ha indicatori.',
    en: 'Entity result: n.d. — sheet {sheet} has no indicators.',
  },
  noIndicatorsHint: {
    it: 'Compilare almeno Codice, Obiettivo, Target e Consuntivo di un indicatore, poi: cruscotto score {file}',
    en: 'Fill in at least Code, Objective, Target and Actual of one indicator, then: cruscotto score {file}',
  },
  noActuals: {
    it: 'Risultato dell\'ente: n.d. — nessuno dei {count} indicatori ha un consuntivo.',
    en: 'Entity result: n.d. — none of the {count} indicators has an actual.',
  },
  noActualsHint: {
    it: 'Compilare la colonna {column} del foglio {sheet}, poi: cruscotto score {file}',
    en: 'Fill in the {column} column of sheet {sheet}, then: cruscotto score {file}',
  },
  noScore: {
    it: 'Risultato dell\'ente: n.d. — nessun obiettivo ha un punteggio; le cause sono nel foglio {sheet}.',
    en: 'Entity result: n.d. — no objective has a score; the reasons are in sheet {sheet}.',
  },
  stdinHint: {
    it: 'Scrivere un target per riga (Ctrl+D per finire), oppure: cruscotto parse-target ">= 45,00 %"',
    en: 'Type one target a line (Ctrl+D to finish), or: cruscotto parse-target ">= 45,00 %"',
  },
} satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXT;

export function say(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
