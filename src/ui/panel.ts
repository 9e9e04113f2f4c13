/**
 * The shared pane: Excel task pane and Sheets sidebar. It knows only PanelHost, so each host plugs in
 * its own API (Office.js, google.script.run) and both show the same summary, charts and issue list.
 */
import type { HistoryPoint, Issue, Lang, Method, PeriodInfo, Summary } from '../core/types.js';
import type { PersonResult } from '../core/people.js';
import { formatNumber, formatPercent } from '../core/messages.js';
import { barChart, statusChart } from './charts.js';
import { sparkline } from './sparkline.js';
import type { PanelHost, PanelOptions, ScoreRequest } from './panel-host.js';

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
    period: 'Periodo', periodOption: '{label} (al {date})', periodYearEnd: 'Fine anno {label} (al {date})',
    periodScored: 'Periodo valutato: {label}, al {date}', entityTrend: 'Risultato dell\'ente nei periodi',
    atRisk: 'Indicatori a rischio (stima a fine anno sotto il target): {n}',
    objectiveLines: 'Obiettivi di primo livello nei periodi', watchlist: 'Indicatori da seguire: {n}',
    watchAtRisk: 'A rischio', watchEstimate: 'stima a fine anno ≈ {value}', watchInProgress: 'In corso',
    watchNotMet: 'Non raggiunto', watchOther: 'Da verificare', gap: 'Scostamento {value}',
    people: 'Schede individuali', scorePeople: 'Calcola schede', peopleDone: 'Schede individuali calcolate e scritte nel foglio.',
    noPeople: 'Nessuna persona da valutare: aggiungere il foglio Assegnazioni o la colonna Responsabile.',
    peopleCount: '{n} persone', privacy: 'Il dettaglio di una persona compare solo aprendo la sua scheda.',
    person: 'Persona', role: 'Ruolo', total: 'Totale', band: 'Fascia', evaluator: 'Valutatore',
    results: 'Risultati', organisational: 'Organizzativa', behaviours: 'Comportamenti', composition: 'Composizione',
    assignments: 'Obiettivi e indicatori assegnati', rating: '{rating} (pari a {value})', weight: 'peso {weight}',
    bonus: 'Quota del fondo', personGone: '{name} non compare più tra le persone valutate: ricalcolare.',
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
    period: 'Period', periodOption: '{label} (at {date})', periodYearEnd: 'Year end {label} (at {date})',
    periodScored: 'Period scored: {label}, at {date}', entityTrend: 'Entity result across periods',
    atRisk: 'Indicators at risk (year-end estimate below target): {n}',
    objectiveLines: 'Top-level objectives across periods', watchlist: 'Indicators to watch: {n}',
    watchAtRisk: 'At risk', watchEstimate: 'year-end estimate ≈ {value}', watchInProgress: 'In progress',
    watchNotMet: 'Not met', watchOther: 'To check', gap: 'Gap {value}',
    people: 'Individual scorecards', scorePeople: 'Score scorecards', peopleDone: 'Individual scorecards computed and written to the sheet.',
    noPeople: 'Nobody to score: add an Assignments sheet or an Owner column.',
    peopleCount: '{n} people', privacy: 'A person\'s detail appears only when their card is opened.',
    person: 'Person', role: 'Role', total: 'Total', band: 'Band', evaluator: 'Evaluator',
    results: 'Results', organisational: 'Organisational', behaviours: 'Behaviours', composition: 'Composition',
    assignments: 'Assigned objectives and indicators', rating: '{rating} (that is {value})', weight: 'weight {weight}',
    bonus: 'Share of the fund', personGone: '{name} is no longer among the people scored: score again.',
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

/** dd/mm/yyyy (Italian) or the ISO date (English) from a PeriodInfo date (YYYY-MM-DD, or MM-DD without a year). */
function periodDate(date: string, lang: Lang): string {
  const [a, b, c] = date.split('-');
  if (lang === 'en') return date;
  return c === undefined ? `${b}/${a}` : `${c}/${b}/${a}`;
}

/** Up to two decimals, none shown when they are zeros: an actual or a gap as a person would write it. */
function plainNumber(x: number, lang: Lang): string {
  const whole = (v: number) => Math.abs(v - Math.round(v)) < 1e-9;
  const digits = whole(x) ? 0 : whole(x * 10) ? 1 : 2;
  return formatNumber(x, lang, digits);
}

/** The gap with its sign always written: negative is worse whichever way the indicator runs. */
function signedGap(gap: number, lang: Lang): string {
  const text = plainNumber(gap, lang);
  return gap > 0 && text !== plainNumber(0, lang) ? `+${text}` : text;
}

function periodText(p: PeriodInfo, lang: Lang): string {
  const tx = TEXT[lang];
  return fill(p.yearEnd ? tx.periodYearEnd : tx.periodOption, { label: p.label, date: periodDate(p.date, lang) });
}

/** A person's card: what the role's composition adds up, and what each component is made of. */
function personCard(p: PersonResult, lang: Lang): HTMLElement {
  const tx = TEXT[lang];
  const box = el('div', { class: 'person-card' });
  const dl = el('dl');
  const components = (['results', 'organisational', 'behaviours'] as const);
  const composition = components.filter((c) => p.composition[c] > 0).map((c) => `${tx[c]} ${formatPercent(p.composition[c], lang, 0)}`).join(', ');
  const rows: [string, string][] = [
    [tx.role, p.role || '—'],
    [tx.evaluator, p.evaluator || '—'],
    ...components.map((c): [string, string] => [tx[c], formatPercent(p[c], lang)]),
    [tx.composition, composition || '—'],
    [tx.total, formatPercent(p.total, lang)],
    [tx.band, p.band ?? '—'],
  ];
  if (p.bonusShare !== null) rows.push([tx.bonus, formatPercent(p.bonusShare, lang)]);
  for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
  box.append(dl);
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    const ul = el('ul');
    for (const item of items) ul.append(el('li', {}, item));
    box.append(el('h4', {}, title), ul);
  };
  const weight = (w: number | null) => (w === null ? '' : `, ${fill(tx.weight, { weight: formatPercent(w, lang, 0) })}`);
  list(tx.assignments, p.assignments.map((a) => `${a.code} ${a.title}: ${formatPercent(a.score, lang)}${weight(a.declaredWeight)}`));
  list(tx.behaviours, p.behaviourRatings.map((b) => `${b.name}: ${b.rating === null ? 'n.d.' : fill(tx.rating, { rating: formatNumber(b.rating, lang, b.rating % 1 === 0 ? 0 : 1), value: formatPercent(b.value, lang, 0) })}${weight(b.declaredWeight)}`));
  return box;
}

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
  const peopleButton = el('button', { type: 'button', id: 'score-people' }, tx.scorePeople);
  const templateButton = el('button', { type: 'button', id: 'template' }, tx.template);
  actions.append(scoreButton, peopleButton, templateButton);
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

  const periodSection = el('section', { class: 'period', id: 'monitoring', 'aria-label': tx.period, hidden: '' });
  const summarySection = el('section', { class: 'summary', id: 'summary', 'aria-label': tx.entity });
  const peopleSection = el('section', { class: 'people', id: 'people', 'aria-labelledby': 'people-title', hidden: '' });
  const issuesSection = el('section', { class: 'issues', id: 'issues', 'aria-label': tx.issues });
  root.append(header, status, periodSection, summarySection, peopleSection, issuesSection, form);

  /** The period the user picked in the selector: later scorings keep it until the pane is reopened. */
  let chosenPeriod: string | undefined;
  /** The period of the summary on show, at which a person's card is scored. */
  let shownPeriod: string | undefined;

  const say = (message: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = message;
    status.dataset.kind = kind;
  };
  const controls = () => [scoreButton, peopleButton, templateButton, saveButton, ...Array.from(periodSection.querySelectorAll('select'))];
  const busy = (on: boolean) => {
    for (const b of controls()) b.disabled = on;
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

  const renderPeriod = (summary: Summary) => {
    periodSection.replaceChildren();
    const periods = summary.periods ?? [];
    periodSection.hidden = periods.length === 0 || !summary.period;
    if (periodSection.hidden || !summary.period) return;
    const label = el('label', { for: 'period' }, tx.period);
    const select = el('select', { id: 'period' });
    for (const p of periods) {
      const option = el('option', { value: p.key }, periodText(p, lang));
      if (p.key === summary.period.key) option.selected = true;
      select.append(option);
    }
    select.addEventListener('change', () => {
      chosenPeriod = select.value;
      void scoreWith({ period: chosenPeriod });
    });
    const picker = el('div', { class: 'period-picker' });
    picker.append(label, select);
    periodSection.append(picker, el('p', { class: 'period-scored', id: 'period-scored' }, fill(tx.periodScored, { label: summary.period.label, date: periodDate(summary.period.date, lang) })));
    const history = summary.entityHistory ?? [];
    if (history.length > 1) {
      const keyLabel = new Map(periods.map((p) => [p.key, p.yearEnd ? p.label : p.key]));
      const points = history.map((h) => ({ period: keyLabel.get(h.period) ?? h.period, actual: '', achievement: h.score, score: h.score }));
      const figure = el('figure', { class: 'trend', id: 'entity-trend' });
      // The SVG comes from the shared renderer, which escapes every text it draws.
      figure.innerHTML = sparkline(points, { lang, width: 200, height: 40, label: tx.entityTrend });
      const caption = el('figcaption', {}, points.map((p) => `${p.period} ${formatPercent(p.score, lang, 1)}`).join(' → '));
      figure.append(caption);
      periodSection.append(el('p', { class: 'label' }, tx.entityTrend), figure);
    }
    if (summary.atRiskCount !== undefined) {
      periodSection.append(el('p', { class: summary.atRiskCount > 0 ? 'at-risk warn' : 'at-risk', id: 'at-risk' }, fill(tx.atRisk, { n: summary.atRiskCount })));
    }
    // The year end is named by its label (2024) as in the selector, the other periods by their key (30/06).
    const named = (h: readonly HistoryPoint[]) => {
      const keyLabel = new Map(periods.map((p) => [p.key, p.yearEnd ? p.label : p.key]));
      return h.map((p) => (p.baseline ? p : { ...p, period: keyLabel.get(p.period) ?? p.period }));
    };
    // SVG strings below come from the shared renderer, which escapes every workbook text it draws.
    const drawn = (svg: string) => {
      const figure = el('figure', { class: 'spark' });
      figure.innerHTML = svg;
      return figure;
    };
    const objectives = summary.objectives.filter((o) => o.history);
    if (objectives.length > 0) {
      const list = el('ul', { class: 'lines', id: 'objective-lines' });
      for (const o of objectives) {
        const item = el('li', { 'data-code': o.code });
        const what = `${o.code} ${o.title}`;
        const line = el('div', { class: 'line' });
        line.append(drawn(sparkline(named(o.history ?? []), { lang, label: what })), el('strong', { class: 'value' }, formatPercent(o.score, lang, 1)));
        item.append(el('span', { class: 'what' }, what), line);
        list.append(item);
      }
      periodSection.append(el('p', { class: 'label' }, tx.objectiveLines), list);
    }
    const watch = summary.watchlist ?? [];
    if (summary.watchlist) {
      periodSection.append(el('p', { class: 'label' }, fill(tx.watchlist, { n: watch.length })));
      const list = el('ul', { class: 'lines watchlist', id: 'watchlist' });
      for (const w of watch) {
        const item = el('li', { 'data-code': w.code, 'data-at-risk': String(w.atRisk) });
        const what = `${w.code} ${w.name}`;
        const state = w.atRisk
          ? tx.watchAtRisk + (w.projection ? ` (${fill(tx.watchEstimate, { value: plainNumber(w.projection.value, lang) })})` : '')
          : w.inProgress ? tx.watchInProgress : w.status === 'notMet' ? tx.watchNotMet : tx.watchOther;
        const line = el('div', { class: 'line' });
        line.append(drawn(sparkline(named(w.history), { lang, value: 'achievement', label: what })),
          el('span', { class: w.atRisk ? 'state warn' : w.inProgress ? 'state' : 'state bad' }, state));
        if (w.gap !== null) line.append(el('span', { class: w.gap < 0 ? 'gap worse' : 'gap' }, fill(tx.gap, { value: signedGap(w.gap, lang) })));
        item.append(el('span', { class: 'what' }, what), line);
        list.append(item);
      }
      periodSection.append(list);
    }
  };

  const renderPeople = (summary: Summary) => {
    peopleSection.replaceChildren();
    const people = summary.people ?? [];
    peopleSection.hidden = people.length === 0;
    if (people.length === 0) return;
    peopleSection.append(el('h2', { id: 'people-title' }, tx.people), el('p', { class: 'counts' }, fill(tx.peopleCount, { n: people.length })),
      el('p', { class: 'privacy' }, tx.privacy));
    const table = el('table', { class: 'people-list' });
    const head = el('tr');
    for (const [h, numeric] of [[tx.person, false], [tx.role, false], [tx.total, true], [tx.band, false]] as const) {
      head.append(el('th', { scope: 'col', ...(numeric ? { class: 'n' } : {}) }, h));
    }
    table.append(el('thead'), el('tbody'));
    (table.tHead as HTMLTableSectionElement).append(head);
    const period = shownPeriod;
    people.forEach((p, i) => {
      const row = el('tr');
      const nameCell = el('td');
      const toggle = el('button', { type: 'button', class: 'person', 'aria-expanded': 'false', 'aria-controls': `person-card-${i}` }, p.name);
      nameCell.append(toggle);
      row.append(nameCell, el('td', {}, p.role), el('td', { class: 'n' }, formatPercent(p.total, lang)), el('td', {}, p.band ?? '—'));
      const detail = el('tr', { id: `person-card-${i}`, class: 'card-row', hidden: '' });
      const detailCell = el('td', { colspan: '4' });
      detail.append(detailCell);
      // The card is asked of the host when opened and dropped when closed: only what the user opened is
      // in the page, and nothing personal beyond names and totals came with the summary.
      toggle.addEventListener('click', () => void run(async () => {
        if (toggle.getAttribute('aria-expanded') === 'true') {
          toggle.setAttribute('aria-expanded', 'false');
          detail.hidden = true;
          detailCell.replaceChildren();
          return;
        }
        const card = await host.person(p.name, period);
        if (!card) {
          say(fill(tx.personGone, { name: p.name }), 'error');
          return;
        }
        detailCell.replaceChildren(personCard(card, lang));
        detail.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
      }));
      (table.tBodies[0] as HTMLTableSectionElement).append(row, detail);
    });
    peopleSection.append(table);
  };

  const show = (summary: Summary) => {
    shownPeriod = summary.period?.key;
    renderPeriod(summary);
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
    renderPeople(summary);
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

  const scoreWith = (request: ScoreRequest) => run(async () => {
    say(tx.scoring);
    const summary = await host.score((message) => say(message), request);
    show(summary);
    if (!request.people) say(tx.done);
    else say((summary.people ?? []).length > 0 ? tx.peopleDone : tx.noPeople, (summary.people ?? []).length > 0 ? 'info' : 'error');
  });

  scoreButton.addEventListener('click', () => void scoreWith(chosenPeriod === undefined ? {} : { period: chosenPeriod }));
  peopleButton.addEventListener('click', () => void scoreWith({ people: true, ...(chosenPeriod === undefined ? {} : { period: chosenPeriod }) }));
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
