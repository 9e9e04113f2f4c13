/**
 * The shared runtime's page: mounts the pane and registers the ribbon's "Calcola punteggi" action,
 * which scores without opening the pane.
 */
import { mountPanel } from '../src/ui/panel.js';
import type { Lang } from '../src/core/types.js';
import { excelHost, scoreWorkbook } from './host.js';

function displayLang(): Lang {
  return /^en/i.test(Office.context?.displayLanguage ?? '') ? 'en' : 'it';
}

Office.onReady(() => {
  const lang = displayLang();
  const root = document.getElementById('app');
  const pane = root ? mountPanel(root, excelHost(lang), { lang }) : null;
  Office.actions.associate('scorePlan', async (event: Office.AddinCommands.Event) => {
    try {
      const summary = await scoreWorkbook(lang);
      pane?.show(summary);
    } finally {
      event.completed();
    }
  });
});
