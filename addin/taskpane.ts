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
        // A ribbon button has no surface of its own: the pane opens with the reason.
        const message = FAILED[lang] + (e instanceof Error ? e.message : String(e));
        pane?.say(message, 'error');
        try {
          await Office.addin.showAsTaskpane();
        } catch {
          // Without the shared runtime's showAsTaskpane the message waits in the pane for the next opening.
        }
      } finally {
        event.completed();
      }
    });
  });
}

start();
