/**
 * What every Apps Script entry point shares: the spreadsheet, the user's language, the document lock, and
 * how a failure reaches the user (an alert for a menu item, a toast for a trigger, a translated error for
 * the sidebar and for formulas) instead of Apps Script's raw English exception.
 */
import { PlanError, type Lang } from '../src/core/index.js';
import { text, type GasTextKey } from './messages.js';

export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function spreadsheet(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

export function userLang(): Lang {
  try {
    return /^en/i.test(Session.getActiveUserLocale()) ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

/** A failure whose message is already written for the user, in their language. */
export class UserError extends Error {
  constructor(lang: Lang, key: GasTextKey, params: Record<string, string | number> = {}) {
    super(text(lang, key, params));
    this.name = 'UserError';
  }
}

/** The sentence to show for any failure: ours and the core's as they are, Sheets' own put in words. */
export function userMessage(e: unknown, lang: Lang): string {
  if (e instanceof UserError || e instanceof PlanError) return e.message;
  const raw = typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  const detail = raw.replace(/^(Exception:\s*)+/, '');
  if (/permission|protected|autorizzazion|protett/i.test(detail)) return text(lang, 'error.permission', { detail });
  if (/timed out|maximum execution time|tempo massimo/i.test(detail)) return text(lang, 'error.timeout');
  return text(lang, 'error.unexpected', { detail });
}

/** How long a second user waits for the first one's scoring before being told to retry. */
const LOCK_WAIT_MS = 10_000;

/**
 * Runs a workbook write under the document lock, so two users scoring at once do not interleave their
 * writes. Pending writes are flushed before the lock is released, as LockService's guide advises.
 */
export function withDocumentLock<T>(lang: Lang, write: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError(lang, 'busy');
  try {
    return write();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/** A menu item: on failure an alert in the user's language (a toast when no dialog can be shown). */
export function fromMenu<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return run(...args);
    } catch (e) {
      const lang = userLang();
      const message = userMessage(e, lang);
      console.error(e);
      try {
        const ui = SpreadsheetApp.getUi();
        ui.alert(text(lang, 'error.title'), message, ui.ButtonSet.OK);
      } catch {
        spreadsheet().toast(message, 'Cruscotto', 15);
      }
      return undefined;
    }
  };
}

/** A simple trigger: it has no dialog, so a toast says what went wrong. */
export function fromTrigger<A extends unknown[]>(run: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      run(...args);
    } catch (e) {
      console.error(e);
      try {
        spreadsheet().toast(userMessage(e, userLang()), 'Cruscotto', 15);
      } catch {
        // Nothing more can be shown from a trigger; the error is in the execution log.
      }
    }
  };
}

/** A google.script.run target: the failure handler gets the translated message, the pane shows it. */
export function forSidebar<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return run(...args);
    } catch (e) {
      console.error(e);
      throw new Error(userMessage(e, userLang()));
    }
  };
}
