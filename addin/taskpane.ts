/**
 * The shared runtime's page: mounts the pane and registers the ribbon's "Calcola punteggi" and "Calcola
 * schede" actions, which score without opening the pane (through the pane's own host, so a card opened
 * later comes from the same scoring). Outside Excel (the page opened in a browser, or another Office
 * application) it says where to open it instead of failing on a missing Excel global.
 */
import { mountPanel } from '../src/ui/panel.js';
import type { Lang, Summary } from '../src/core/types.js';
import { excelHost } from './host.js';
import { excelErrorMessage, notInExcelMessage } from './errors.js';

const DONE: Record<Lang, string> = {
  it: 'Punteggi calcolati e scritti nel foglio.',
  en: 'Scores computed and written to the sheet.',
};
const PEOPLE_DONE: Record<Lang, string> = {
  it: 'Schede individuali calcolate e scritte nel foglio.',
  en: 'Individual scorecards computed and written to the sheet.',
};
const NO_PEOPLE: Record<Lang, string> = {
  it: 'Nessuna persona da valutare: aggiungere il foglio Assegnazioni o la colonna Responsabile.',
  en: 'Nobody to score: add an Assignments sheet or an Owner column.',
};
const FAILED: Record<Lang, string> = { it: 'Calcolo non riuscito: ', en: 'Scoring failed: ' };

function langOf(tag: string | undefined): Lang {
  return /^en/i.test(tag ?? '') ? 'en' : 'it';
}

function showPlain(root: HTMLElement | null, message: string) {
  if (!root) return;
  const p = document.createElement('p');
  p.className = 'status';
  p.dataset.kind = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  root.replaceChildren(p);
}

/**
 * A ribbon button has no surface of its own: a small dialog says why it failed. showAsTaskpane is only a
 * fallback, since Office ignores it for add-ins from the Marketplace (February 2026); the message also
 * waits in the pane's status line.
 */
async function tellUser(message: string, lang: Lang): Promise<void> {
  const ui = Office.context?.ui;
  if (ui?.displayDialogAsync && Office.context.requirements?.isSetSupported?.('DialogApi', '1.1')) {
    const url = new URL(`message.html?lang=${lang}&text=${encodeURIComponent(message)}`, location.href).href;
    const opened = await new Promise<boolean>((resolve) => ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (r) => resolve(r.status === Office.AsyncResultStatus.Succeeded)));
    if (opened) return;
  }
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // Nothing else can show it now; the pane keeps the message for its next opening.
  }
}

function start() {
  const root = document.getElementById('app');
  if (typeof Office === 'undefined') {
    showPlain(root, notInExcelMessage(langOf(navigator.language)));
    return;
  }
  void Office.onReady((info) => {
    const lang = langOf(Office.context?.displayLanguage ?? navigator.language);
    if (info.host !== Office.HostType.Excel) {
      showPlain(root, notInExcelMessage(lang));
      return;
    }
    let pane: { show(summary: Summary): void; say(message: string, kind?: 'info' | 'error'): void } | null = null;
    const host = excelHost(lang);
    try {
      pane = root ? mountPanel(root, host, { lang }) : null;
    } catch (e) {
      showPlain(root, excelErrorMessage(e, lang));
    }
    const command = (people: boolean) => async (event: Office.AddinCommands.Event) => {
      try {
        const summary = await host.score(undefined, people ? { people: true } : {});
        pane?.show(summary);
        if (people && !summary.people?.length) {
          pane?.say(NO_PEOPLE[lang], 'error');
          await tellUser(NO_PEOPLE[lang], lang);
        } else pane?.say(people ? PEOPLE_DONE[lang] : DONE[lang]);
      } catch (e) {
        const message = FAILED[lang] + (e instanceof Error ? e.message : String(e));
        pane?.say(message, 'error');
        await tellUser(message, lang);
      } finally {
        event.completed();
      }
    };
    Office.actions.associate('scorePlan', command(false));
    Office.actions.associate('scorePeople', command(true));
  });
}

start();
