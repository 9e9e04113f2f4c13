/**
 * "Istantanea per revisione": Indicatori, Obiettivi and the summary copied as values into protected sheets
 * "Revisione YYYY-MM-DD", so reviewers comment on a version that no longer changes.
 */
import { findSheet, SHEETS, type Lang } from '../src/core/index.js';
import { clearOwner, ownerOf } from './adapter.js';
import { UserError, withDocumentLock, type Spreadsheet } from './host.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function reviewDate(ss: Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/**
 * Leaves only the owner and the user running the script as editors, as Google's Protection sample does:
 * the user is added BEFORE the others are removed, because removing a group through which the user edits
 * would otherwise throw (and leave the sheet half protected).
 */
export function protectForReview(sheet: Sheet, description: string): void {
  const protection = sheet.protect().setDescription(description);
  protection.addEditor(Session.getEffectiveUser());
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

export function snapshot(ss: Spreadsheet, lang: Lang): string[] {
  return withDocumentLock(lang, () => {
    const base = `Revisione ${reviewDate(ss)}`;
    const all = ss.getSheets();
    const taken = new Set(all.map((s) => s.getName().toLowerCase()));
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    // The user's sheets by name, the summary by the tool's marker (it may have been renamed beside a user's).
    const owners = new Map(all.map((s) => [s, ownerOf(s)] as const));
    const userSheets: Record<string, []> = {};
    for (const s of all) if (!owners.get(s)) userSheets[s.getName()] = [];
    const byName = (n: string | undefined) => all.find((s) => s.getName() === n);
    const indicators = byName(findSheet(userSheets, SHEETS.indicators)?.name);
    if (!indicators) throw new UserError(lang, 'snapshot.nothing');
    const sources = [indicators, byName(findSheet(userSheets, SHEETS.objectives)?.name), all.find((s) => owners.get(s) === 'summary')]
      .filter((s): s is Sheet => !!s);
    return sources.map((original, i) => {
      const copy = original.copyTo(ss).setName(i === 0 ? name : `${name} · ${original.getName()}`);
      // A copy of Sintesi is the reviewers' sheet, not the tool's: scoring must never replace or remove it.
      clearOwner(copy);
      // Formulas become values: the snapshot must not change when the plan does. Pasting values (rather
      // than setValues(getValues())) keeps text such as the code "1.10" as text.
      const range = copy.getDataRange();
      range.copyTo(range, SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
      protectForReview(copy, `Cruscotto: ${name}`);
      return copy.getName();
    });
  });
}
