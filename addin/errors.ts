/**
 * What the user reads when Excel refuses a request: RichApi error codes mapped to a sentence in the
 * user's language that says what to do, with the code kept for support. Anything else keeps its own
 * message (the core's PlanError is already in the workbook's language).
 */
import type { Lang } from '../src/core/types.js';

const MESSAGES: Record<string, Record<Lang, string>> = {
  InvalidOperationInCellEditMode: {
    it: 'Excel sta modificando una cella: premi Invio o Esc per uscire dalla modifica, poi riprova.',
    en: 'Excel is editing a cell: press Enter or Esc to leave edit mode, then try again.',
  },
  ItemAlreadyExists: {
    it: 'Esiste già un foglio o un nome uguale (Excel non distingue maiuscole e minuscole): rinominalo e riprova.',
    en: 'A sheet or name with the same name already exists (Excel ignores case): rename it and try again.',
  },
  ItemNotFound: {
    it: 'Un foglio che il cruscotto usa non esiste più (rinominato o eliminato durante il calcolo): riprova.',
    en: 'A sheet the add-in uses no longer exists (renamed or deleted while scoring): try again.',
  },
  AccessDenied: {
    it: 'La cartella di lavoro o il foglio è protetto o in sola lettura: togli la protezione e riprova.',
    en: 'The workbook or sheet is protected or read-only: unprotect it and try again.',
  },
  InvalidOperation: {
    it: 'Excel non consente l\'operazione (foglio protetto o celle unite?): controlla i fogli del cruscotto e riprova.',
    en: 'Excel does not allow the operation (protected sheet or merged cells?): check the sheets and try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    it: 'La richiesta supera il limite di Excel sul web (5 MB). Segnala il problema indicando il numero di indicatori.',
    en: 'The request exceeds Excel on the web\'s 5 MB limit. Please report it with the number of indicators.',
  },
  ResponsePayloadSizeLimitExceeded: {
    it: 'I dati letti superano il limite di Excel sul web (5 MB). Segnala il problema indicando il numero di indicatori.',
    en: 'The data read exceeds Excel on the web\'s 5 MB limit. Please report it with the number of indicators.',
  },
  ApiNotFound: {
    it: 'Questa versione di Excel non offre una funzione richiesta dal cruscotto: aggiorna Excel o usa Excel sul web.',
    en: 'This version of Excel lacks a feature the add-in needs: update Excel or use Excel on the web.',
  },
  UnsupportedOperation: {
    it: 'Questa versione di Excel non consente l\'operazione: aggiorna Excel o usa Excel sul web.',
    en: 'This version of Excel does not support the operation: update Excel or use Excel on the web.',
  },
  Conflict: {
    it: 'Il file è stato modificato nello stesso momento da un\'altra persona: attendi qualche secondo e riprova.',
    en: 'Someone else changed the file at the same time: wait a few seconds and try again.',
  },
  GeneralException: {
    it: 'Excel ha segnalato un errore interno: riprova; se si ripete, salva, chiudi e riapri il file.',
    en: 'Excel reported an internal error: try again; if it persists, save, close and reopen the file.',
  },
  InvalidArgument: {
    it: 'Excel ha rifiutato un valore scritto dal cruscotto.',
    en: 'Excel refused a value the add-in wrote.',
  },
};

const NOT_IN_EXCEL: Record<Lang, string> = {
  it: 'Cruscotto è un componente aggiuntivo di Excel: aprilo in Excel (desktop o sul web) dalla scheda Home, gruppo Cruscotto.',
  en: 'Cruscotto is an Excel add-in: open it in Excel (desktop or on the web) from the Home tab, Cruscotto group.',
};

export function notInExcelMessage(lang: Lang): string {
  return NOT_IN_EXCEL[lang];
}

/** The code of an office.js error (OfficeExtension.Error), if it is one. */
export function richApiCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Za-z]+$/.test(code) ? code : null;
}

export function excelErrorMessage(error: unknown, lang: Lang): string {
  const code = richApiCode(error);
  const known = code ? MESSAGES[code] : undefined;
  if (known) {
    // InvalidArgument names the value in Excel's own words, which is what a person can act on.
    const detail = code === 'InvalidArgument' && error instanceof Error && error.message ? ` ${error.message}` : '';
    return `${known[lang]}${detail} (${code})`;
  }
  if (error instanceof Error) return code ? `${error.message} (${code})` : error.message;
  return String(error);
}

/** Every code mapped, for the test that each has both languages. */
export const MAPPED_CODES = Object.keys(MESSAGES);
export const ERROR_TEXTS = MESSAGES;
