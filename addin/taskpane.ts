/**
 * The shared runtime's page: mounts the pane and registers the ribbon's "Calcola punteggi" action,
 * which scores without opening the pane. Outside Excel (the page opened in a browser, or another Office
 * application) it says where to open it instead of failing on a missing Excel global.
 */
import { mountPanel } from '../src/ui/panel.js';
import type { Lang, Summary } from '../src/core/types.js';
import { excelHost, scoreWorkbook } from './host.js';
import { excelErrorMessage, notInExcelMessage } from './errors.js';

const DONE: Record<Lang, string> = {
  it: 'Punteggi calcolati e scritti nel foglio.',
  en: 'Scores computed and written to the sheet.',
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
    try {
      pane = root ? mountPanel(root, excelHost(lang), { lang }) : null;
    } catch (e) {
      showPlain(root, excelErrorMessage(e, lang));
    }
    Office.actions.associate('scorePlan', async (event: Office.AddinCommands.Event) => {
      try {
        const summary = await scoreWorkbook(lang);
        pane?.show(summary);
        pane?.say(DONE[lang]);
      } catch (e) {
        const message = FAILED[lang] + (e instanceof Error ? e.message : String(e));
        pane?.say(message, 'error');
        await tellUser(message, lang);
      } finally {
        event.completed();
      }
    });
  });
}

start();
