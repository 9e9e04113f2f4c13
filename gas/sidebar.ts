/**
 * The Sheets sidebar: the shared pane over google.script.run (sidebar-client.ts types each call by the
 * server module).
 */
import { mountPanel } from '../src/ui/panel.js';
import type { PanelHost } from '../src/ui/panel-host.js';
import type { Lang } from '../src/core/types.js';
import { server } from './sidebar-client.js';
import { text } from './messages.js';

const host: PanelHost = {
  score: (_onProgress, request) => server('sidebarScore', request ?? {}),
  // Personal detail crosses google.script.run one person at a time, when the user opens a card.
  person: (name, period) => server('sidebarPerson', name, period),
  selectCell: (sheet, cell) => server('sidebarSelectCell', sheet, cell),
  loadSettings: () => server('sidebarLoadSettings'),
  saveSettings: (settings) => server('sidebarSaveSettings', settings),
  createTemplate: async () => {
    await server('sidebarCreateTemplate');
  },
};

/**
 * A sidebar that could not start says so, in place of a blank panel: in the user's language when it is
 * known, in both when even asking for it failed.
 */
function showFailure(root: HTMLElement, lang: Lang | null, e: unknown): void {
  const detail = (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '');
  const p = document.createElement('p');
  p.className = 'status';
  p.id = 'status';
  p.dataset.kind = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = lang ? text(lang, 'sidebar.failed', { detail }) : `${text('it', 'sidebar.failed', { detail })}\n${text('en', 'sidebar.failed', { detail })}`;
  p.style.whiteSpace = 'pre-line';
  root.classList.add('cruscotto-panel');
  root.replaceChildren(p);
}

async function start(): Promise<void> {
  const root = document.getElementById('app') as HTMLElement;
  let lang: Lang | null = null;
  try {
    lang = await server('sidebarLang');
    mountPanel(root, host, { lang });
  } catch (e) {
    showFailure(root, lang, e);
  }
}

void start();
