/**
 * The schede di valutazione individuale: one printable A4 page per person (objectives and indicators
 * assigned with their scores, behaviours, composition, total, band, signature lines for the evaluator and
 * the person evaluated). A document of its own, never part of the Relazione: the Relazione is published,
 * the schede hold personal data. Self-contained HTML (inline CSS, no script, no network), as the report.
 */
import type { Lang, ScoreResult } from '../core/types.js';
import { formatNumber, formatPercent } from '../core/index.js';
import { COMPONENTS, type Component } from '../core/people-settings.js';
import type { PeopleResult, PersonResult } from '../core/people.js';
import { escapeXml as esc } from '../ui/charts.js';

export interface SchedeOptions {
  lang: Lang;
  /** The workbook's file name, shown under each title. */
  sourceName?: string;
}

const L = {
  it: {
    title: 'Scheda di valutazione della performance individuale', year: 'Anno', source: 'Fonte',
    confidential: 'Documento riservato: contiene dati personali.',
    person: 'Valutato', role: 'Ruolo', evaluator: 'Valutatore', page: 'Pagina', of: 'di',
    results: 'Obiettivi e indicatori assegnati', code: 'Codice', item: 'Obiettivo / indicatore', kind: 'Tipo',
    objective: 'obiettivo', indicator: 'indicatore', weight: 'Peso', score: 'Punteggio', none: 'Nessuna assegnazione.',
    behaviours: 'Comportamenti organizzativi', behaviour: 'Comportamento', rating: 'Valutazione', scaleOf: 'su',
    noBehaviours: 'Nessun comportamento valutato.', component: 'Componente', share: 'Quota', contribution: 'Contributo',
    total: 'Punteggio complessivo', band: 'Fascia', bonusShare: 'Quota del fondo', bonusAmount: 'Importo',
    organisationalNote: 'risultato dell\'ente', composition: 'Composizione e punteggio complessivo',
    signEvaluator: 'Il valutatore', signEvaluated: 'Il valutato, per presa visione', date: 'Data',
    comments: 'Osservazioni del valutato', nd: 'n.d.', leftOut: 'escluso: senza misura',
    componentNames: { results: 'Risultati', organisational: 'Performance organizzativa', behaviours: 'Comportamenti' },
  },
  en: {
    title: 'Individual performance scorecard', year: 'Year', source: 'Source',
    confidential: 'Confidential: holds personal data.',
    person: 'Evaluated', role: 'Role', evaluator: 'Evaluator', page: 'Page', of: 'of',
    results: 'Objectives and indicators assigned', code: 'Code', item: 'Objective / indicator', kind: 'Kind',
    objective: 'objective', indicator: 'indicator', weight: 'Weight', score: 'Score', none: 'No assignments.',
    behaviours: 'Behaviours', behaviour: 'Behaviour', rating: 'Rating', scaleOf: 'of',
    noBehaviours: 'No behaviour rated.', component: 'Component', share: 'Share', contribution: 'Contribution',
    total: 'Total score', band: 'Band', bonusShare: 'Share of the fund', bonusAmount: 'Amount',
    organisationalNote: 'the entity\'s result', composition: 'Composition and total score',
    signEvaluator: 'The evaluator', signEvaluated: 'The person evaluated, for acknowledgement', date: 'Date',
    comments: 'Comments of the person evaluated', nd: 'n.d.', leftOut: 'left out: no measure',
    componentNames: { results: 'Results', organisational: 'Organisational performance', behaviours: 'Behaviours' },
  },
} satisfies Record<Lang, Record<string, string | Record<Component, string>>>;

function css(lang: Lang): string {
  const l = L[lang];
  return `
@page { size: A4; margin: 14mm 14mm 16mm;
  @bottom-right { content: "${l.page} " counter(page) " ${l.of} " counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #4B5563; }
  @bottom-left { content: "${l.confidential}"; font: 8pt "DejaVu Sans", sans-serif; color: #4B5563; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 9.5pt; color: #111827; margin: 0 auto; max-width: 210mm; line-height: 1.3; }
/* One person a page: a scheda never splits and always starts a page. */
section.scheda { break-inside: avoid; page-break-inside: avoid; break-after: page; page-break-after: always; }
section.scheda:last-of-type { break-after: auto; page-break-after: auto; }
h1 { font-size: 13pt; margin: 0 0 2pt; color: #1F4E78; } h2 { font-size: 10.5pt; margin: 9pt 0 3pt; border-bottom: 1.5px solid #1F4E78; padding-bottom: 1pt; }
.meta { color: #4B5563; font-size: 8pt; margin: 0 0 6pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
th, td { border: 1px solid #D1D5DB; padding: 2pt 4pt; vertical-align: top; overflow-wrap: break-word; }
th { background: #DDEBF7; text-align: left; font-size: 7.5pt; word-break: keep-all; }
table.who th { width: 22%; font-size: 8.5pt; } table.who td { font-size: 10pt; font-weight: 600; }
.n { text-align: right; white-space: nowrap; } th.n { text-align: right; }
td.left { color: #6B7280; font-style: italic; }
tr.sum td { font-weight: 700; background: #F3F4F6; }
tr.total td { font-weight: 700; font-size: 10.5pt; background: #DDEBF7; }
.empty { color: #6B7280; font-style: italic; margin: 2pt 0; }
.comments { border: 1px solid #D1D5DB; height: 16mm; margin-top: 2pt; }
.signatures { display: flex; gap: 12mm; margin-top: 12mm; }
.signatures > div { flex: 1; }
.line { border-bottom: 1px solid #111827; height: 12mm; }
.caption { font-size: 8pt; color: #374151; margin-top: 2pt; }
/* Long lists of assignments: smaller type and tighter rows, so a scheda still fits its page. */
section.compact table { font-size: 7.5pt; } section.compact th, section.compact td { padding: 1pt 3pt; }
section.compact h2 { margin: 6pt 0 2pt; font-size: 9.5pt; } section.compact .comments { height: 10mm; }
section.compact .signatures { margin-top: 8mm; } section.compact .line { height: 9mm; }
section.dense table { font-size: 6.5pt; } section.dense th, section.dense td { padding: 0.5pt 2pt; line-height: 1.15; }
section.dense h2 { margin: 4pt 0 1pt; font-size: 9pt; } section.dense .comments { height: 7mm; }
section.dense .signatures { margin-top: 6mm; } section.dense .line { height: 7mm; } section.dense table.who td { font-size: 8.5pt; }
@media screen { body { padding: 12px; } section.scheda { border-bottom: 2px dashed #9CA3AF; padding-bottom: 16px; margin-bottom: 16px; } }
`;
}

function pct(x: number | null, lang: Lang): string {
  return formatPercent(x, lang);
}

/**
 * How tightly a scheda is set, from the lines its tables take (a long title wraps, about 70 characters a
 * line at the normal size). Measured in Chromium: the normal size holds 14 such lines, compact 26, dense
 * about 88 (40 two-line titles and 8 behaviours); beyond that a scheda runs onto a second page.
 */
function density(p: PersonResult): string {
  const lines = (text: string) => 1 + Math.floor(text.length / 70);
  const total = p.assignments.reduce((s, a) => s + lines(a.title), 0) + p.behaviourRatings.reduce((s, b) => s + lines(b.name), 0);
  return total <= DENSITY.normal ? '' : total <= DENSITY.compact ? ' compact' : ' dense';
}

/** Lines of assignments and behaviours each setting holds on one page. */
export const DENSITY = { normal: 14, compact: 26 };

function scheda(p: PersonResult, people: PeopleResult, result: ScoreResult, options: SchedeOptions): string {
  const lang = options.lang;
  const l = L[lang];
  const year = result.settings.year;
  const meta = [result.settings.entityName, year === null ? null : `${l.year} ${year}`, options.sourceName ? `${l.source}: ${options.sourceName}` : null]
    .filter((x): x is string => !!x).map(esc).join(' · ');
  const who = `<table class="who"><tbody>
<tr><th>${l.person}</th><td>${esc(p.name)}</td></tr>
<tr><th>${l.role}</th><td>${esc(p.role || '—')}</td></tr>
<tr><th>${l.evaluator}</th><td>${esc(p.evaluator || '—')}</td></tr>
</tbody></table>`;

  const assignments = p.assignments.length === 0 ? `<p class="empty">${l.none}</p>` : `<table><thead><tr><th>${l.code}</th><th>${l.item}</th><th>${l.kind}</th><th class="n">${l.weight}</th><th class="n">${l.score}</th></tr></thead><tbody>
${p.assignments.map((a) => `<tr><td>${esc(a.code)}</td><td>${esc(a.title)}</td><td>${a.kind === 'objective' ? l.objective : l.indicator}</td><td class="n">${a.weight === null ? '' : pct(a.weight, lang)}</td>${a.score === null ? `<td class="left">${l.leftOut}</td>` : `<td class="n">${pct(a.score, lang)}</td>`}</tr>`).join('\n')}
<tr class="sum"><td colspan="4">${l.componentNames.results}</td><td class="n">${pct(p.results, lang)}</td></tr>
</tbody></table>`;

  const scale = `${formatNumber(people.scale.max, lang, Number.isInteger(people.scale.max) ? 0 : 2)}`;
  const behaviours = p.behaviourRatings.length === 0 ? `<p class="empty">${l.noBehaviours}</p>` : `<table><thead><tr><th>${l.behaviour}</th><th class="n">${l.weight}</th><th class="n">${l.rating}</th><th class="n">${l.score}</th></tr></thead><tbody>
${p.behaviourRatings.map((b) => `<tr><td>${esc(b.name)}</td><td class="n">${b.weight === null ? '' : pct(b.weight, lang)}</td><td class="n">${b.rating === null ? l.nd : `${formatNumber(b.rating, lang, Number.isInteger(b.rating) ? 0 : 2)} ${l.scaleOf} ${scale}`}</td><td class="n">${pct(b.value, lang)}</td></tr>`).join('\n')}
<tr class="sum"><td colspan="3">${l.componentNames.behaviours}</td><td class="n">${pct(p.behaviours, lang)}</td></tr>
</tbody></table>`;

  // Contributions over the components present, renormalised as the total is.
  const values: Record<Component, number | null> = { results: p.results, organisational: p.organisational, behaviours: p.behaviours };
  const used = COMPONENTS.filter((c) => p.composition[c] > 0 && values[c] !== null).reduce((s, c) => s + p.composition[c], 0);
  const rows = COMPONENTS.filter((c) => p.composition[c] > 0).map((c) => {
    const v = values[c];
    const contribution = v === null || used === 0 ? null : (p.composition[c] / used) * v;
    const name = l.componentNames[c] + (c === 'organisational' ? ` (${l.organisationalNote})` : '');
    return `<tr><td>${esc(name)}</td><td class="n">${formatPercent(p.composition[c], lang, 0)}</td><td class="n">${pct(v, lang)}</td><td class="n">${pct(contribution, lang)}</td></tr>`;
  });
  const bonus = [
    p.bonusShare === null ? '' : `<tr><td colspan="3">${l.bonusShare}</td><td class="n">${pct(p.bonusShare, lang)}</td></tr>`,
    p.bonusAmount === null ? '' : `<tr><td colspan="3">${l.bonusAmount}</td><td class="n">${formatNumber(p.bonusAmount, lang)} €</td></tr>`,
  ].join('');
  const composition = `<table><thead><tr><th>${l.component}</th><th class="n">${l.share}</th><th class="n">${l.score}</th><th class="n">${l.contribution}</th></tr></thead><tbody>
${rows.join('\n')}
<tr class="total"><td colspan="3">${l.total}</td><td class="n">${pct(p.total, lang)}</td></tr>
${p.band === null ? '' : `<tr class="total"><td colspan="3">${l.band}</td><td class="n">${esc(p.band)}</td></tr>`}
${bonus}
</tbody></table>`;

  const signatures = `<div class="signatures">
<div><div class="line"></div><div class="caption">${l.signEvaluator}${p.evaluator ? ` (${esc(p.evaluator)})` : ''}</div></div>
<div><div class="line"></div><div class="caption">${l.signEvaluated} (${esc(p.name)})</div></div>
<div style="flex: 0.5"><div class="line"></div><div class="caption">${l.date}</div></div>
</div>`;

  return `<section class="scheda${density(p)}" data-person="${esc(p.name)}">
<h1>${l.title}</h1>
<p class="meta">${meta}</p>
${who}
<h2>${l.results}</h2>
${assignments}
<h2>${l.behaviours}</h2>
${behaviours}
<h2>${l.composition}</h2>
${composition}
<h2>${l.comments}</h2>
<div class="comments"></div>
${signatures}
</section>`;
}

/** Every person's scheda in one document, in the order of the workbook. */
export function renderSchede(people: PeopleResult, result: ScoreResult, options: SchedeOptions): string {
  const lang = options.lang;
  const l = L[lang];
  const title = `${l.title}${result.settings.year === null ? '' : ` ${result.settings.year}`}`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)}</title><style>${css(lang)}</style></head>
<body>
${people.people.map((p) => scheda(p, people, result, options)).join('\n')}
</body></html>
`;
}

