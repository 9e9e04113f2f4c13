/**
 * The shared pane: Excel task pane and Sheets sidebar. It knows only PanelHost, so each host plugs in
 * its own API (Office.js, google.script.run) and both show the same summary, charts and issue list.
 */
import type { Issue, Lang, Method, Summary } from '../core/types.js';
import { formatPercent } from '../core/messages.js';
import { barChart, statusChart } from './charts.js';
import type { PanelHost, PanelOptions } from './panel-host.js';

/** Exported only for the test that every text has both languages (test/core/messages.test.ts). */
export const TEXT = {
  it: {
    title: 'Cruscotto', score: 'Calcola punteggi', template: 'Crea modello', settings: 'Impostazioni',
    year: 'Anno', method: 'Metodo', save: 'Salva impostazioni', saved: 'Impostazioni salvate.',
    scoring: 'Calcolo in corso…', done: 'Punteggi calcolati e scritti nel foglio.', created: 'Fogli del modello creati.',
    entity: 'Risultato dell\'ente', issues: 'Segnalazioni', noIssues: 'Nessuna segnalazione.', byGroup: 'Per',
    objectives: 'Obiettivi di primo livello', counts: '{objectives} obiettivi, {indicators} indicatori',
    issueCounts: '{error} errori, {warning} avvisi, {info} informazioni', goTo: 'Vai alla cella',
    error: 'Errore', warning: 'Avviso', info: 'Informazione', failed: 'Operazione non riuscita: ',
    methods: { linear: 'proporzionale', bands: 'fasce', threshold: 'soglia', binary: 'binario' },
    unset: '(non indicato)',
  },
  en: {
    title: 'Cruscotto', score: 'Score plan', template: 'Create template', settings: 'Settings',
    year: 'Year', method: 'Method', save: 'Save settings', saved: 'Settings saved.',
    scoring: 'Scoring…', done: 'Scores computed and written to the sheet.', created: 'Template sheets created.',
    entity: 'Entity result', issues: 'Issues', noIssues: 'No issues.', byGroup: 'By',
    objectives: 'Top-level objectives', counts: '{objectives} objectives, {indicators} indicators',
    issueCounts: '{error} errors, {warning} warnings, {info} notes', goTo: 'Go to cell',
    error: 'Error', warning: 'Warning', info: 'Info', failed: 'Failed: ',
    methods: { linear: 'linear', bands: 'bands', threshold: 'threshold', binary: 'binary' },
    unset: '(not set)',
  },
} as const;

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const METHODS: Method[] = ['linear', 'bands', 'threshold', 'binary'];

/** Renders the pane into `root` and wires it to the host. Returns a function that re-renders a summary. */
export function mountPanel(root: HTMLElement, host: PanelHost, options: PanelOptions): {
  show(summary: Summary): void;
  /** Shows a message in the pane's status line, e.g. the outcome of a ribbon command run without it. */
  say(message: string, kind?: 'info' | 'error'): void;
} {
  const lang: Lang = options.lang;
  const tx = TEXT[lang];
  root.replaceChildren();
  root.classList.add('cruscotto-panel');

  const header = el('header');
  header.append(el('h1', {}, tx.title));
  const actions = el('div', { class: 'actions' });
  const scoreButton = el('button', { type: 'button', class: 'primary', id: 'score' }, tx.score);
  const templateButton = el('button', { type: 'button', id: 'template' }, tx.template);
  actions.append(scoreButton, templateButton);
  header.append(actions);

  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'status' });

  const form = el('form', { class: 'settings', id: 'settings' });
  form.append(el('h2', {}, tx.settings));
  const yearLabel = el('label', { for: 'year' }, tx.year);
  const yearInput = el('input', { id: 'year', type: 'number', min: '1990', max: '2200', step: '1', inputmode: 'numeric' });
  const methodLabel = el('label', { for: 'method' }, tx.method);
  const methodSelect = el('select', { id: 'method' });
  methodSelect.append(el('option', { value: '' }, tx.unset));
  for (const m of METHODS) methodSelect.append(el('option', { value: m }, tx.methods[m]));
  const saveButton = el('button', { type: 'submit', id: 'save' }, tx.save);
  form.append(yearLabel, yearInput, methodLabel, methodSelect, saveButton);

  const summarySection = el('section', { class: 'summary', id: 'summary', 'aria-label': tx.entity });
  const issuesSection = el('section', { class: 'issues', id: 'issues', 'aria-label': tx.issues });
  root.append(header, status, summarySection, issuesSection, form);

  const say = (message: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = message;
    status.dataset.kind = kind;
  };
  const busy = (on: boolean) => {
    for (const b of [scoreButton, templateButton, saveButton]) b.disabled = on;
    root.setAttribute('aria-busy', String(on));
  };
  const run = async (work: () => Promise<void>) => {
    busy(true);
    try {
      await work();
    } catch (e) {
      say(tx.failed + (e instanceof Error ? e.message : String(e)), 'error');
    } finally {
      busy(false);
    }
  };

  const show = (summary: Summary) => {
    summarySection.replaceChildren();
    const headline = el('div', { class: 'headline' });
    headline.append(el('span', { class: 'label' }, tx.entity), el('strong', { class: 'score', id: 'entity-score' }, formatPercent(summary.entity.score, lang)),
      el('span', { class: 'rating', id: 'entity-rating' }, summary.entity.rating ?? 'n.d.'));
    summarySection.append(headline);
    summarySection.append(el('p', { class: 'counts' }, fill(tx.counts, { objectives: summary.objectiveCount, indicators: summary.indicatorCount })));
    const charts = el('div', { class: 'charts' });
    const chartWidth = Math.max(260, Math.min(560, root.clientWidth - 8 || 300));
    // SVG strings come from the shared renderer, which escapes every workbook text it draws.
    const addChart = (svg: string) => {
      const figure = el('figure');
      figure.innerHTML = svg;
      charts.append(figure);
    };
    for (const [attribute, values] of Object.entries(summary.groups)) {
      addChart(barChart({ title: `${tx.byGroup} ${attribute}`, bars: Object.entries(values).map(([label, value]) => ({ label, value })), lang, width: chartWidth }));
    }
    addChart(barChart({ title: tx.objectives, bars: summary.objectives.map((o) => ({ label: `${o.code} ${o.title}`, value: o.score, target: o.target })), lang, width: chartWidth }));
    addChart(statusChart({ counts: summary.statusCounts, lang, width: chartWidth }));
    summarySection.append(charts);
    renderIssues(summary.issues, summary.issueCounts);
  };

  const renderIssues = (issues: Issue[], counts: Summary['issueCounts']) => {
    issuesSection.replaceChildren(el('h2', {}, tx.issues), el('p', { class: 'counts' }, fill(tx.issueCounts, counts)));
    if (issues.length === 0) {
      issuesSection.append(el('p', {}, tx.noIssues));
      return;
    }
    const list = el('ul', { class: 'issue-list' });
    for (const issue of issues) {
      const item = el('li', { class: `sev-${issue.severity}` });
      const where = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
      const button = el('button', { type: 'button', class: 'issue', title: `${tx.goTo} ${where}` });
      button.append(el('span', { class: 'where' }, `${tx[issue.severity]} · ${where}`), el('span', { class: 'message' }, issue.message));
      if (issue.cell) button.addEventListener('click', () => void run(() => host.selectCell(issue.sheet, issue.cell)));
      else button.disabled = true;
      item.append(button);
      list.append(item);
    }
    issuesSection.append(list);
  };

  scoreButton.addEventListener('click', () => void run(async () => {
    say(tx.scoring);
    const summary = await host.score((message) => say(message));
    show(summary);
    say(tx.done);
  }));
  templateButton.addEventListener('click', () => void run(async () => {
    await host.createTemplate();
    say(tx.created);
  }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(async () => {
      const year = yearInput.value.trim() === '' ? null : Number(yearInput.value);
      const method = methodSelect.value === '' ? null : (methodSelect.value as Method);
      await host.saveSettings({ year, method });
      say(tx.saved);
    });
  });

  void run(async () => {
    const settings = await host.loadSettings();
    yearInput.value = settings.year === null ? '' : String(settings.year);
    methodSelect.value = settings.method ?? '';
  });
  return { show, say };
}
