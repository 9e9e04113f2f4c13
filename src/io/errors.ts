/**
 * What can go wrong with a workbook file, said in one sentence (Italian / English), and the limits
 * that keep a hostile or broken package from exhausting memory before anything is read.
 */

/**
 * Limits checked before a part is inflated or while a sheet streams in. A real plan has 10^2 to 10^5
 * rows; 1,000,000 indicators still fit well inside them.
 */
export const LIMITS = {
  /** Sum of the declared uncompressed sizes of every part of the package. */
  totalUncompressedBytes: 2 * 1024 ** 3,
  /** One plan sheet's XML, or the shared strings, uncompressed (a million-indicator Indicatori is about 300 MB). */
  sheetUncompressedBytes: 1024 ** 3,
  /** Rows of one sheet: Excel's own maximum. */
  rows: 1_048_576,
  /** Cells with a value in the three plan sheets together (a million rows of twenty columns). */
  cells: 20_000_000,
  /** Characters of one cell's text: Excel's own limit (a longer text cannot come from Excel). */
  cellText: 32_767,
  /** Characters of one XML token (a tag, or a text between tags) while a part streams in. */
  xmlToken: 8 * 1024 ** 2,
} as const;

/** A file the CLI cannot open or write as a workbook: one sentence for the user, no stack trace. */
export class WorkbookFileError extends Error {
  /** The system error code of a failed write (ENOSPC, EACCES, EFBIG...), for callers that explain it. */
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

export type PackageProblem = 'notZip' | 'truncated' | 'corrupt' | 'method' | 'tooLarge' | 'noWorkbook';

/** A low-level package failure; the reader turns it into a WorkbookFileError naming the file. */
export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(problem);
    this.name = 'PackageError';
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('it-IT')} MB`;

export const FILE_MESSAGES = {
  notFound: (f: string) => `${f}: file non trovato / file not found`,
  unreadable: (f: string) => `${f}: non è un file xlsx leggibile / not a readable xlsx file`,
  tooLarge: (f: string, bytes: number) =>
    `${f}: il pacchetto si espande a ${mb(bytes)}, oltre il limite di ${mb(LIMITS.totalUncompressedBytes)} / the package expands to ${mb(bytes)}, over the ${mb(LIMITS.totalUncompressedBytes)} limit`,
  sheetTooLarge: (f: string, sheet: string, bytes: number) =>
    `${f}: il foglio ${sheet} si espande a ${mb(bytes)}, oltre il limite di ${mb(LIMITS.sheetUncompressedBytes)} / sheet ${sheet} expands to ${mb(bytes)}, over the ${mb(LIMITS.sheetUncompressedBytes)} limit`,
  stringsTooLarge: (f: string, bytes: number) =>
    `${f}: le stringhe condivise si espandono a ${mb(bytes)}, oltre il limite di ${mb(LIMITS.sheetUncompressedBytes)} / the shared strings expand to ${mb(bytes)}, over the ${mb(LIMITS.sheetUncompressedBytes)} limit`,
  tooManyRows: (f: string, sheet: string) =>
    `${f}: il foglio ${sheet} supera ${LIMITS.rows.toLocaleString('it-IT')} righe / sheet ${sheet} has more than ${LIMITS.rows.toLocaleString('en-US')} rows`,
  textTooLong: (f: string, where: { it: string; en: string }) =>
    `${f}: ${where.it} contiene un testo di oltre ${LIMITS.cellText.toLocaleString('it-IT')} caratteri, il limite di Excel per una cella / ${where.en} holds a text of more than ${LIMITS.cellText.toLocaleString('en-US')} characters, Excel's limit for one cell`,
  tooManyCells: (f: string) =>
    `${f}: i fogli del piano superano ${LIMITS.cells.toLocaleString('it-IT')} celle con valore / the plan sheets have more than ${LIMITS.cells.toLocaleString('en-US')} cells with a value`,
  sameFile: (f: string) =>
    `${f}: il file di uscita coincide con quello di ingresso; usare --in-place per aggiornarlo / the output is the input file; use --in-place to update it`,
  cannotWrite: (f: string, reason: string) => `impossibile scrivere ${f} / cannot write ${f}: ${reason}`,
};
