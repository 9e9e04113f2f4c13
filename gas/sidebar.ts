/**
 * The Sheets sidebar: the shared pane over google.script.run. Each server call becomes a promise.
 */
import { mountPanel } from '../src/ui/panel.js';
import type { PanelHost } from '../src/ui/panel-host.js';
import type { Lang, Method, Summary } from '../src/core/types.js';

interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

function server<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

const host: PanelHost = {
  score: () => server<Summary>('sidebarScore'),
  selectCell: (sheet, cell) => server<void>('sidebarSelectCell', sheet, cell),
  loadSettings: () => server<{ year: number | null; method: Method | null }>('sidebarLoadSettings'),
  saveSettings: (settings) => server<void>('sidebarSaveSettings', settings),
  createTemplate: async () => {
    await server<string[]>('createTemplate');
  },
};

void server<Lang>('sidebarLang').then((lang) => mountPanel(document.getElementById('app') as HTMLElement, host, { lang }));
