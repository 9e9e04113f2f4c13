/** The Cruscotto menu and what its items do, with the toast that tells the user it is done. */
import { spreadsheet, userLang, UserError } from './host.js';
import { text } from './messages.js';
import { snapshot } from './review.js';
import { registrySheet } from './changelog.js';
import { createMissingTemplate, scoreMessage, scoreSpreadsheet, scoreWithPeople } from './scoring.js';
import type { Summary } from '../src/core/index.js';

export function addMenu(): void {
  const lang = userLang();
  SpreadsheetApp.getUi()
    .createMenu('Cruscotto')
    .addItem(text(lang, 'menu.score'), 'scorePlan')
    .addItem(text(lang, 'menu.people'), 'scorePeople')
    .addItem(text(lang, 'menu.panel'), 'showSidebar')
    .addItem(text(lang, 'menu.template'), 'createTemplate')
    .addSeparator()
    .addItem(text(lang, 'menu.snapshot'), 'snapshot')
    .addItem(text(lang, 'menu.log'), 'showAuditLog')
    .addToUi();
}

export function scoreFromMenu(): Summary {
  const ss = spreadsheet();
  const summary = scoreSpreadsheet(ss, userLang());
  ss.toast(scoreMessage(summary), 'Cruscotto', 10);
  return summary;
}

/** "Calcola schede": scores and writes the Schede individuali sheet; the toast names the sheet and counts people. */
export function scorePeopleFromMenu(): Summary {
  const ss = spreadsheet();
  const lang = userLang();
  const { summary, sheet } = scoreWithPeople(ss, lang);
  if (sheet === null) throw new UserError(lang, 'people.none');
  ss.toast(text(lang, 'people.done', { sheet, n: summary.people?.length ?? 0 }), 'Cruscotto', 10);
  return summary;
}

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Cruscotto');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function templateFromMenu(): string[] {
  const ss = spreadsheet();
  const lang = userLang();
  const created = createMissingTemplate(ss, lang);
  ss.toast(created.length ? text(lang, 'template.created', { sheets: created.join(', ') }) : text(lang, 'template.present'), 'Cruscotto', 5);
  return created;
}

export function snapshotFromMenu(): string[] {
  const ss = spreadsheet();
  const lang = userLang();
  const made = snapshot(ss, lang);
  ss.toast(text(lang, 'snapshot.done', { sheets: made.join(', ') }), 'Cruscotto', 5);
  return made;
}

export function openAuditLog(): void {
  registrySheet(spreadsheet()).activate();
}
