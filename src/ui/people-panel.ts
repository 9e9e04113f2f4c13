/**
 * The pane's individual-performance section (Excel task pane and Sheets sidebar alike). Personal data is
 * shown only on request: nothing about anyone is in the page until the user presses "Calcola schede", a
 * person's card opens only when their name is pressed, and "Nascondi" takes every name out of the page.
 * The host computes the schede in the workbook (nothing leaves the machine) and hands back plain data.
 */
import type { Lang } from '../core/types.js';
import { formatPercent } from '../core/messages.js';
import type { PersonResult } from '../core/people.js';

export const PEOPLE_TEXT = {
  it: {
    title: 'Schede individuali', compute: 'Calcola schede', hide: 'Nascondi',
    privacy: 'I dati personali restano nella cartella: l\'elenco compare solo su richiesta.',
    computing: 'Calcolo delle schede…', none: 'Nessuna persona: aggiungere il foglio Assegnazioni o la colonna Responsabile.',
    person: 'Persona', role: 'Ruolo', total: 'Totale', band: 'Fascia', evaluator: 'Valutatore',
    results: 'Risultati', organisational: 'Organizzativa', behaviours: 'Comportamenti', composition: 'Composizione',
    assignments: 'Assegnazioni', failed: 'Operazione non riuscita: ', count: '{n} persone',
  },
  en: {
    title: 'Individual scorecards', compute: 'Score people', hide: 'Hide',
    privacy: 'Personal data stays in the workbook: the list appears only on request.',
    computing: 'Scoring people…', none: 'Nobody to score: add an Assignments sheet or an Owner column.',
    person: 'Person', role: 'Role', total: 'Total', band: 'Band', evaluator: 'Evaluator',
    results: 'Results', organisational: 'Organisational', behaviours: 'Behaviours', composition: 'Composition',
    assignments: 'Assignments', failed: 'Failed: ', count: '{n} people',
  },
} as const;

/** The section's own styles, so it looks the same in the task pane and the sidebar, whatever host CSS. */
export const PEOPLE_CSS = `
.people table { width: 100%; border-collapse: collapse; font-size: 13px; }
.people th, .people td { text-align: left; padding: 3px 4px; border-bottom: 1px solid #E5E7EB; vertical-align: top; }
.people td.n, .people th.n { text-align: right; white-space: nowrap; }
.people button.person { border: none; background: none; padding: 0; color: #1F4E78; text-decoration: underline; text-align: left; font: inherit; cursor: pointer; }
.people .privacy { color: #4B5563; font-size: 12px; }
.people .actions { display: flex; gap: 8px; flex-wrap: wrap; }
.people .person-card { background: #F9FAFB; border-left: 4px solid #1F4E78; padding: 4px 8px; font-size: 12px; }
.people .person-card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; }
.people .person-card dt { color: #4B5563; } .people .person-card dd { margin: 0; }
.people .person-card h4 { margin: 6px 0 2px; font-size: 12px; } .people .person-card ul { margin: 0; padding-left: 16px; }
.people .status[data-kind="error"] { color: #B91C1C; font-weight: 600; }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A person's card: components, composition, evaluator and what they were assigned. */
function card(p: PersonResult, lang: Lang): HTMLElement {
  const tx = PEOPLE_TEXT[lang];
  const box = el('div', { class: 'person-card' });
  const dl = el('dl');
  const composition = (['results', 'organisational', 'behaviours'] as const)
    .filter((c) => p.composition[c] > 0).map((c) => `${tx[c]} ${formatPercent(p.composition[c], lang, 0)}`).join(', ');
  const rows: [string, string][] = [
    [tx.evaluator, p.evaluator || '—'],
    [tx.results, formatPercent(p.results, lang)],
    [tx.organisational, formatPercent(p.organisational, lang)],
    [tx.behaviours, formatPercent(p.behaviours, lang)],
    [tx.composition, composition || '—'],
  ];
  for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
  box.append(dl);
  if (p.assignments.length > 0) {
    box.append(el('h4', {}, tx.assignments));
    const list = el('ul');
    for (const a of p.assignments) list.append(el('li', {}, `${a.code} ${a.title}: ${formatPercent(a.score, lang)}`));
    box.append(list);
  }
  return box;
}

/**
 * Mounts the section into `root`. `load` asks the host to compute the schede (and write its sheet);
 * it is called only when the user presses the button.
 */
export function mountPeople(root: HTMLElement, lang: Lang, load: () => Promise<PersonResult[]>): void {
  const tx = PEOPLE_TEXT[lang];
  root.replaceChildren();
  const section = el('section', { class: 'people', 'aria-labelledby': 'people-title' });
  const title = el('h2', { id: 'people-title' }, tx.title);
  const privacy = el('p', { class: 'privacy' }, tx.privacy);
  const actions = el('div', { class: 'actions' });
  const compute = el('button', { type: 'button' }, tx.compute);
  const hide = el('button', { type: 'button', hidden: '' }, tx.hide);
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const list = el('div', { class: 'people-list' });
  actions.append(compute, hide);
  section.append(el('style', {}, PEOPLE_CSS), title, privacy, actions, status, list);
  root.append(section);

  const clear = () => {
    list.replaceChildren();
    status.textContent = '';
    hide.hidden = true;
  };
  hide.addEventListener('click', clear);
  compute.addEventListener('click', () => {
    clear();
    compute.disabled = true;
    status.textContent = tx.computing;
    status.removeAttribute('data-kind');
    load().then((people) => {
      status.textContent = people.length === 0 ? tx.none : tx.count.replace('{n}', String(people.length));
      if (people.length === 0) return;
      const table = el('table');
      const head = el('tr');
      for (const h of [tx.person, tx.role, tx.total, tx.band]) head.append(el('th', { scope: 'col', ...(h === tx.total ? { class: 'n' } : {}) }, h));
      table.append(el('thead'), el('tbody'));
      (table.tHead as HTMLTableSectionElement).append(head);
      people.forEach((p, i) => {
        const row = el('tr');
        const nameCell = el('td');
        const toggle = el('button', { type: 'button', class: 'person', 'aria-expanded': 'false', 'aria-controls': `person-card-${i}` }, p.name);
        nameCell.append(toggle);
        row.append(nameCell, el('td', {}, p.role), el('td', { class: 'n' }, formatPercent(p.total, lang)), el('td', {}, p.band ?? '—'));
        const detail = el('tr', { id: `person-card-${i}`, class: 'card-row', hidden: '' });
        const detailCell = el('td', { colspan: '4' });
        detail.append(detailCell);
        // The card is built when asked for and dropped when closed: only what the user opened is in the page.
        toggle.addEventListener('click', () => {
          const open = toggle.getAttribute('aria-expanded') === 'true';
          toggle.setAttribute('aria-expanded', String(!open));
          detail.hidden = open;
          if (open) detailCell.replaceChildren();
          else detailCell.replaceChildren(card(p, lang));
        });
        (table.tBodies[0] as HTMLTableSectionElement).append(row, detail);
      });
      list.append(table);
      hide.hidden = false;
    }).catch((e: unknown) => {
      status.textContent = tx.failed + (e instanceof Error ? e.message : String(e));
      status.setAttribute('data-kind', 'error');
    }).finally(() => {
      compute.disabled = false;
    });
  });
}
