/**
 * The bundled example: the 2024 PIRA (Piano degli indicatori e risultati attesi) of the Camera di
 * commercio della Maremma e del Tirreno, as published (objectives, Peso su AS, indicator weights and
 * multi-year targets, pasted as text the way people copy them from the PDF).
 *
 * The 2024 actuals (Consuntivo) are ILLUSTRATIVE: invented to exercise every case, not the entity's
 * results. So are the actuals at 30/06 (monitoring) and the individual scorecards (Assegnazioni, Comportamenti and
 * their settings). The "Fonte consuntivo" column and the Leggimi sheet say so in the workbook itself.
 */
import type { PlanInput } from '../src/core/types.js';

const AS = [
  ['011', 'Utenti, imprese e territorio', 'Utenti-imprese-territorio'],
  ['032', 'Processi interni', 'Processi interni'],
  ['012', 'Apprendimento, crescita e innovazione', 'Apprendimento e crescita'],
  ['016', 'Economico - Finanziaria', 'Economico-finanziaria'],
] as const;

// [code, title, AS, Peso su AS, Prospettiva BSC, Responsabile]
const OS: [string, string, string, string, string][] = [
  ['1', 'Semplificazione Amministrativa e Digitalizzazione dei Servizi', '011', '14,29%', 'Utenti-imprese-territorio'],
  ['2', 'Innovazione, Sviluppo, Sostenibilità e Transizione Green', '011', '14,28%', 'Utenti-imprese-territorio'],
  ['3', 'Valorizzazione del patrimonio culturale, Turismo e Promozione integrata del territorio', '011', '14,28%', 'Utenti-imprese-territorio'],
  ['4', 'Infrastrutture Portualità Logistica Gestione Strategica delle partecipazioni societarie', '011', '14,28%', 'Utenti-imprese-territorio'],
  ['5', 'Nuove imprese, Politiche attive del lavoro e Giovani', '011', '14,28%', 'Utenti-imprese-territorio'],
  ['6', 'Internazionalizzazione e Mercati Esteri', '011', '14,31%', 'Utenti-imprese-territorio'],
  ['7', 'Giustizia alternativa, Legalità nell\'Economia e Promozione della Concorrenza', '011', '14,28%', 'Utenti-imprese-territorio'],
  ['8', 'Accountability e Trasparenza', '032', '33,33%', 'Processi interni'],
  ['9', 'Qualità, efficienza e centralità della performance', '032', '33,34%', 'Processi interni'],
  ['10', 'Consolidamento del modello organizzativo del nuovo Ente per l\'Innovazione e la Transizione Digitale', '032', '33,33%', 'Processi interni'],
  ['11', 'Comunicazione istituzionale: tra accompagnamento della governance e dialogo tra le imprese e i cittadini', '012', '50,00%', 'Apprendimento e crescita'],
  ['12', 'Valorizzazione del capitale umano e dei livelli di benessere organizzativo', '012', '50,00%', 'Apprendimento e crescita'],
  ['13', 'Valorizzazione e gestione efficiente del patrimonio immobiliare', '016', '50,00%', 'Economico-finanziaria'],
  ['14', 'Revisione della spesa e potenziamento dei flussi economico finanziari in entrata', '016', '50,00%', 'Economico-finanziaria'],
];

// [objective, Peso, Indicatore, UdM, Target 2023, Target 2024, Target 2025, Target 2026, Consuntivo 2024 (illustrative)]
type Row = [string, string, string, string, string, string, string, string, string | number];
const KPI: Row[] = [
  ['1', '14,28%', 'Azioni di diffusione della cultura digitale realizzate dal PID (OC)', 'n.', '>= 13 N.', '>= 20 N.', '>= 22 N.', '>= 25 N.', 23],
  ['1', '14,29%', 'Azioni per aumentare la certezza dei dati ed il valore delle informazioni economiche', 'data', 'Entro 31-12-2023', 'Entro 31-12-2024', 'Entro 31-12-2025', 'Entro 31-12-2026', '18/12/2024'],
  ['1', '14,28%', 'Capacità di coinvolgimento negli eventi relativi al PID (OC)', 'n.', '>= 700 N.', '>= 1600 N.', '>= 1700 N.', '>= 1800 N.', '1.450'],
  ['1', '0,00%', 'DFP 3.3', '%', '>= 73,00 %', '>= 75,00 %', '', '', '76,10%'],
  ['1', '14,29%', 'Grado di adesione al cassetto digitale (OC)', '%', '>= 25,00 %', '>= 45,00 %', '>= 48,00 %', '>= 50,00 %', '53,27%'],
  ['1', '14,29%', 'Grado di coinvolgimento delle imprese in attività di assistenza per la digitalizzazione e l\'adozione di tecnologie 4.0 (OC)', 'n.', '>= 0,40 N.', '>= 0,80 N.', '>= 0,85 N.', '>= 0,90 N.', '0,92'],
  ['1', '14,29%', 'Grado di rilascio di strumenti digitali (OC)', 'n.', '>= 9 N.', '>= 9 N.', '>= 10 N.', '>= 11 N.', 10.1],
  ['1', '14,28%', 'Livelli di attività di valutazione della maturità digitale delle imprese (OC)', 'n.', '>= 140 N.', '>= 280 N.', '>= 300 N.', '>= 330 N.', 286],
  ['2', '50,00%', 'Incremento soggetti coinvolti in attività e servizi legati a innovazione, sviluppo e sostenibilità', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,08'],
  ['2', '50,00%', 'Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari delle iniziative (Innovazione, Sviluppo, Sostenibilità e Transizione Green)', '%', '>= 82,00 %', '>= 95,00 %', '>= 95,00 %', '>= 95,00 %', 0.9347],
  ['3', '20,00%', 'Grado di soddisfazione degli utenti che accedono alla Biblioteca Storica/giuridica (scala 1-5)', 'n.', '>= 3 N.', '>= 3 N.', '>= 3 N.', '>= 3 N.', '4,2'],
  ['3', '20,00%', 'Incremento accessi alla Biblioteca storica/giuridica', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '0,87'],
  ['3', '20,00%', 'Incremento iniziative legate alla valorizzazione del patrimonio culturale', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,25'],
  ['3', '20,00%', 'Incremento soggetti coinvolti in attività e servizi legati turismo e valorizzazione integrata territorio', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1'],
  ['3', '20,00%', 'Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari delle iniziative (Valorizzazione del patrimonio culturale, Turismo e Promozione integrata del territorio)', '%', '>= 82,00 %', '>=95,00 %', '>=95,00 %', '>=95,00 %', '96,40%'],
  ['4', '50,00%', 'Azioni poste in essere per la gestione strategica di Infrastrutture Portualità Logistica', '%', '>= 90,00 %', '>= 95,00 %', '>= 100,00 %', '>=100,00 %', '100%'],
  ['4', '50,00%', 'Creazione e partecipazione tavoli di sviluppo', 'n.', '>= 1 N.', '>= 1 N.', '>= 2 N.', '>= 2 N.', 2],
  ['5', '16,70%', 'Capacità di risposta dello Sportello internazionalizzazione (OC)', 'n.', '>= 10 N.', '>= 12 N.', '>= 12 N.', '>= 14 N.', 11],
  ['5', '16,66%', 'Grado di coinvolgimento delle imprese in attività di internazionalizzazione (OC)', '%', '>= 16,00 %', '>= 35,00 %', '>= 40,00 %', '>= 45,00 %', '29,52%'],
  ['5', '16,66%', 'Incremento soggetti coinvolti in attività e servizi legati alla cultura d\'impresa e orientamento lavoro', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,1'],
  ['5', '16,66%', 'Livello di attività di informazione e orientamento ai mercati (OC)', 'n.', '>= 17 N.', '>= 17 N.', '>= 18 N.', '>= 18 N.', 19],
  ['5', '16,66%', 'Livello di supporto alle imprese in tema di internazionalizzazione (OC)', 'n.', '>= 90 N.', '>= 200 N.', '>= 220 N.', '>= 240 N.', 214],
  ['5', '16,66%', 'Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari delle iniziative (Nuove imprese, Politiche attive del lavoro e Giovani)', '%', '>= 82,00 %', '>= 95,00 %', '>= 95,00 %', '>= 95,00 %', '95,00%'],
  ['6', '50,00%', 'Incremento imprese coinvolte in attività e servizi di ambito internazionale', 'n.', '', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,02'],
  ['6', '50,00%', 'Valutazioni positive rilevate tramite customer satisfaction da parte dei destinatari delle iniziative sull\'internazionalizzazione e mercati esteri', '%', '', '>=95,00 %', '>=95,00 %', '>=95,00 %', '91,80%'],
  ['7', '33,34%', 'Incremento azioni o iniziative finalizzate alla valorizzazione del ruolo dell\'Ente nell\'ambito della regolazione del mercato', 'n.', '>= 1 N.', '≥1', '≥1', '≥1', '1'],
  ['7', '33,33%', 'Ricognizione della presenza di clausole compromissorie a favore della Camera di commercio nelle società iscritte dalla costituzione del nuovo ente camerale', '%', '>=100,00 %', '>=100,00 %', '>=100,00 %', '>=100,00 %', '100,00%'],
  ['7', '33,33%', 'Valutazioni positive rilevate tramite customer satisfaction dei punti di ascolto ed assistenza per l\'utenza (Sportello di primo orientamento, Sportello sicurezza ed etichettatura ed OCCS)', '%', '>= 82,00 %', '>=95,00 %', '>=95,00 %', '>=95,00 %', '97,20%'],
  ['8', '33,33%', 'Assenza di segnalazioni illeciti/eventi corruttivi (PTPCT)', 'n.', '0 N.', '0', '0', '0', 0],
  ['8', '33,33%', 'Istanze accesso civico', 'n.', '<= 1 N.', '<= 1 N.', '<= 1 N.', '<= 1 N.', 1],
  ['8', '33,34%', 'Livello di trasparenza dell\'ente sulla base delle valutazioni dell\'OIV (indice composto che esprime l\'incremento del grado di trasparenza dell\'amministrazione)', '%', '>= 90,00 %', '>= 95,00 %', '>= 95,00 %', '>= 96,00 %', '98%'],
  ['9', '10,00%', 'Grado medio di soddisfazione rilevata da indagini di customer satisfaction da parte dei diversi servizi camerali (indice sintetico; scala 1-5)', 'n.', '>= 3 N.', '>= 3 N.', '>= 3 N.', '>= 3 N.', '4,1'],
  ['9', '10,00%', 'Incidenza degli atti deliberativi gestiti nel rispetto dei termini imposti dalla normativa e dalle disposizioni interne', '%', '>= 95,00 %', '>= 98,00 %', '>= 98,00 %', '>= 100,00 %', '97,02%'],
  ['9', '10,00%', 'Indicatore annuale di tempestività dei pagamenti art. 33 D.Lgs 33/2013 e art. 9 DPCM 22/09/2014 (ritardo medio di pagamento ponderato in base all\'importo delle fatture)', 'gg', '<= -10 N.', '<= -13 N.', '<= -15 N.', '<= -15 N.', '-21,43'],
  ['9', '10,00%', 'Percentuale degli obiettivi soggetti a modifica', '%', '<= 20,00 %', '<= 15,00 %', '<= 15,00 %', '<= 15,00 %', '12,5%'],
  ['9', '10,00%', 'Percentuale di fatture pagate entro trenta giorni', '%', '>= 92,00 %', '>= 93,00 %', '>= 94,00 %', '>= 95,00 %', '94,60%'],
  ['9', '10,00%', 'Percentuale di pratiche telematiche e con protocollazione automatica evase entro 5 gg', '%', '>= 98,00 %', '>= 98,00 %', '>= 98,00 %', '>= 98,00 %', '97,10%'],
  ['9', '10,00%', 'Tempestività dei pagamenti delle fatture passive', 'gg', '<= 18 gg', '<= 16 gg', '<= 16 gg', '<= 15 gg', '12 gg'],
  ['9', '10,00%', 'Tempi medi di lavorazione delle pratiche RI anno x al netto della sospensione', 'gg', '<= 1,45 gg', '<= 1,45 gg', '<= 1,45 gg', '<= 1,45 gg', '1,98'],
  ['9', '10,00%', 'Tempo medio di lavorazione delle pratiche RI', 'gg', '<= 5 gg', '<= 5 gg', '<= 5 gg', '<= 5 gg', '4,3'],
  ['9', '10,00%', 'Tempo medio di sospensione delle pratiche telematiche da parte del servizio R.I.', 'gg', '<= 4,50 gg', '<= 4,50 gg', '<= 4,50 gg', '<= 4,50 gg', '3,9'],
  ['10', '33,33%', 'Grado di attuazione di forme di organizzazione del lavoro a distanza', '%', '>= 15,00 %', '>= 50,00 %', '>= 50,00 %', '>= 50,00 %', '62,00%'],
  ['10', '33,33%', 'Grado di copertura (strumenti ed interventi formativi) del processo di digitalizzazione interna', '%', '>= 88,00 %', '>= 92,00 %', '>= 96,00 %', '>= 100,00 %', '90,50%'],
  ['10', '33,34%', 'Incremento efficienza/efficacia processi mappati progetto lean organization', 'data', 'Entro 31-12-2023', 'Entro 31-12-2023', 'Entro 31-12-2023', 'Entro 31-12-2023', '15.03.2024'],
  ['11', '33,34%', 'Crescita qualitativa social', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,12'],
  ['11', '33,33%', 'Incremento delle iscrizioni alla Newsletter', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,05'],
  ['11', '33,33%', 'N° output di comunicazione sui momenti cardine della governance camerale', 'n.', '>= 9 N.', '>= 10 N.', '>= 11 N.', '>= 12 N.', 10],
  ['12', '50,00%', 'Variazione del livello di benessere organizzativo rispetto all\'anno precedente', 'n.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '>= 1 N.', '1,03'],
  ['12', '50,00%', 'Variazione delle ore medie di formazione del personale a tempo indeterminato rispetto all\'anno precedente', 'h', '>= 1 h', '>= 1 h', '>= 1 h', '>= 1 h', '0,94'],
  ['13', '50,00%', 'Grado di realizzazione degli interventi di manutenzione ordinaria e straordinaria degli immobili destinati alla resa diretta di servizi', '%', '>=90,00 %', '>=90,00 %', '>=90,00 %', '>=90,00 %', '92,00%'],
  ['13', '50,00%', 'Revisione e attuazione del Piano di razionalizzazione del patrimonio immobiliare', '%', '>=90,00 %', '>=90,00 %', '>=90,00 %', '>=90,00 %', '85,00%'],
  ['14', '14,28%', 'Capacità di destinare risorse agli Interventi economici', '%', '>= 21,00 %', '>= 10,00 %', '>= 12,00 %', '>= 15,00 %', '16,20%'],
  ['14', '14,29%', 'Capacità di generare proventi aggiuntivi (OC)', '%', '>= 14,10 %', '>= 14,20 %', '>= 14,20 %', '>= 14,30 %', '16,2%'],
  ['14', '14,29%', 'Indice di struttura primario (OC)', '%', '>= 225,00 %', '>= 227,00 %', '>= 228,00 %', '>= 230,00 %', '150,62%'],
  ['14', '14,29%', 'Indice equilibrio strutturale (OC)', '%', '>= -9,90 %', '>= 1 %', '>= 1 %', '>= 1,5 %', '0,86%'],
  ['14', '14,29%', 'Percentuale di incasso del Diritto annuale (OC)', '%', '>= 68,60 %', '>= 69 %', '>= 69,20 %', '>= 69,40 %', '70,10%'],
  ['14', '14,28%', 'Riduzione incidenza costi per consumi intermedi su totale proventi', 'n.', '<= 1 N.', '<= 1 N.', '<= 1 N.', '<= 1 N.', '0,97'],
  ['14', '14,28%', 'Riscossione dei crediti non tributari', 'n.', '<= 1 N.', '<= 1 N.', '<= 1 N.', '<= 1 N.', '1,04'],
];

/** An Italian number as pasted ("1.450", "0,92", "53,27%") -> its value, percent as a fraction. */
function numberOf(text: string | number): number | null {
  if (typeof text === 'number') return text;
  const m = /^(-?[\d.]*\d(?:,\d+)?)\s*(%?)/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1].replace(/\./g, '').replace(',', '.'));
  return m[2] ? n / 100 : n;
}

/**
 * Monitoring at 30/06, ILLUSTRATIVE: counts that add up through the year (a target of at least 2 of
 * something) are cumulative and stand at about half the year's figure; ratios, rates, times and percentages
 * stand at a value close to the year-end one; deadlines still open are blank (in progress).
 */
function midYear(name: string, unit: string, target: string, actual: string | number): { cumulative: 'si' | 'no'; value: string | number | null } {
  const n = numberOf(actual);
  const bound = numberOf(target.replace(/^[^\d-]*/, ''));
  if (unit === 'data') return { cumulative: 'no', value: /2024$/.test(String(actual)) && /12-2024/.test(target) ? null : actual };
  // A satisfaction score on a 1-5 scale is a level, not a count.
  if (unit === 'n.' && /^>=/.test(target) && bound !== null && bound >= 2 && n !== null && !/scala 1-5/.test(name)) {
    // Two counts fall behind the year's pace, so the estimate flags them "a rischio".
    const pace = n >= 200 && n < 290 ? 0.42 : 0.52;
    return { cumulative: 'si', value: Math.round(n * pace) };
  }
  if (n === null) return { cumulative: 'no', value: actual };
  if (typeof actual === 'string' && actual.trim().endsWith('%')) return { cumulative: 'no', value: `${(n * 100 * 0.97).toFixed(2).replace('.', ',')}%` };
  return { cumulative: 'no', value: Number((n * 0.98).toFixed(2)) };
}

/** OIV decisions on the illustrative data: one rideterminazione with its note, one neutralised indicator. */
const OVERRIDES: Record<string, [string, string]> = {
  '9.8': ['60%', 'Ritardi dovuti al passaggio al nuovo gestionale del Registro Imprese, causa esterna all\'ufficio: si considera raggiunto al 60% (illustrativo).'],
};
const EXCLUDED: Record<string, string> = {
  '1.4': 'Indicatore DFP 3.3 neutralizzato: rilevazione nazionale sospesa (illustrativo).',
};

/**
 * Individual performance (schede di valutazione), ILLUSTRATIVE: invented people, assignments, behaviour
 * ratings, funds and coefficients, to show the schede; the entity's staff and their evaluations are not public.
 * [person, role, evaluator, [code, Peso][]]
 */
const ILLUSTRATIVE = 'Dati illustrativi (non ufficiali)';
const PEOPLE: [string, string, string, [string, string][]][] = [
  ['Segretario Generale', 'dirigente', 'OIV', [['011', '40%'], ['032', '30%'], ['012', '15%'], ['016', '15%']]],
  ['Laura Bianchi', 'dirigente', 'Segretario Generale', [['1', '40%'], ['9', '30%'], ['10', '30%']]],
  ['Marco Verdi', 'dirigente', 'Segretario Generale', [['2', '25%'], ['3', '25%'], ['5', '25%'], ['6', '25%']]],
  ['Giulia Neri', 'dipendente', 'Laura Bianchi', [['1.1', '50%'], ['1.3', '50%']]],
  ['Paolo Gallo', 'dipendente', 'Laura Bianchi', [['9.2', '30%'], ['9.7', '30%'], ['9.8', '40%']]],
  ['Sara Fontana', 'dipendente', 'Laura Bianchi', [['10.2', '50%'], ['10.3', '50%']]],
  ['Luca Moretti', 'dipendente', 'Marco Verdi', [['5.1', '50%'], ['5.2', '50%']]],
  ['Anna Conti', 'dipendente', 'Marco Verdi', [['6.1', '50%'], ['6.2', '50%']]],
  ['Elisa Ricci', 'dipendente', 'Marco Verdi', [['3.2', '50%'], ['3.3', '50%']]],
];

const MANAGER_BEHAVIOURS = ['Capacità di differenziare le valutazioni dei collaboratori', 'Leadership e gestione delle risorse', 'Orientamento all\'utenza', 'Problem solving e innovazione'];
const STAFF_BEHAVIOURS = ['Collaborazione e lavoro di gruppo', 'Affidabilità e precisione', 'Flessibilità'];
const STAFF_WEIGHTS = ['30%', '40%', '30%'];
/** Ratings on the 1-5 scale, in the order of the behaviours above. Marco Verdi rates his people alike. */
const RATINGS: Record<string, number[]> = {
  'Segretario Generale': [4, 5, 4, 4],
  'Laura Bianchi': [4, 2, 2, 1],
  'Marco Verdi': [4, 4, 4, 3],
  'Giulia Neri': [5, 4, 5],
  'Paolo Gallo': [3, 3, 4],
  'Sara Fontana': [4, 3, 3],
  'Luca Moretti': [4, 4, 4],
  'Anna Conti': [4, 4, 4],
  'Elisa Ricci': [4, 4, 5],
};

function peopleSheets(): Record<string, (string | number | null)[][]> {
  const assignments: (string | number | null)[][] = [['Persona', 'Ruolo', 'Codice', 'Peso', 'Valutatore', 'Fonte']];
  const behaviours: (string | number | null)[][] = [['Persona', 'Comportamento', 'Peso', 'Valutazione', 'Fonte']];
  for (const [person, role, evaluator, codes] of PEOPLE) {
    codes.forEach(([code, weight], i) => assignments.push([person, i === 0 ? role : null, code, weight, i === 0 ? evaluator : null, ILLUSTRATIVE]));
    const manager = role === 'dirigente';
    (manager ? MANAGER_BEHAVIOURS : STAFF_BEHAVIOURS).forEach((behaviour, i) =>
      behaviours.push([person, behaviour, manager ? '25%' : STAFF_WEIGHTS[i], RATINGS[person][i], ILLUSTRATIVE]));
  }
  return { Assegnazioni: assignments, Comportamenti: behaviours };
}

export function piraExample(): PlanInput {
  const objectives: (string | null)[][] = [['Codice', 'Titolo', 'Padre', 'Peso', 'Prospettiva', 'Responsabile']];
  for (const [code, title, perspective] of AS) objectives.push([code, title, null, null, perspective, 'Segretario Generale']);
  for (const [code, title, parent, weight, perspective] of OS) objectives.push([code, title, parent, weight, perspective, null]);

  const indicators: (string | number | null)[][] = [[
    'Codice', 'Indicatore', 'Obiettivo', 'Peso', 'UdM', 'Target 2023', 'Target 2024', 'Target 2025', 'Target 2026',
    'Consuntivo', 'Direzione', 'Override', 'Nota', 'Neutralizzato', 'Fonte consuntivo', 'Cumulativo', 'Consuntivo 30/06',
  ]];
  const counters = new Map<string, number>();
  for (const [objective, weight, name, unit, t23, t24, t25, t26, actual] of KPI) {
    const n = (counters.get(objective) ?? 0) + 1;
    counters.set(objective, n);
    const code = `${objective}.${n}`;
    const override = OVERRIDES[code];
    const excluded = EXCLUDED[code];
    indicators.push([
      code, name, objective, weight, unit, t23 || null, t24 || null, t25 || null, t26 || null, actual,
      // "Assenza di segnalazioni": a bare 0 is better when lower; the plan says so only in words.
      code === '8.1' ? 'min' : null,
      override ? override[0] : null,
      override ? override[1] : excluded ?? null,
      excluded ? 'si' : null,
      'Valore illustrativo (non ufficiale)',
      ...(() => {
        const mid = midYear(name, unit, t24, actual);
        return [mid.cumulative, mid.value];
      })(),
    ]);
  }
  return {
    sheets: {
      Obiettivi: objectives,
      Indicatori: indicators,
      Impostazioni: [
        ['Chiave', 'Valore'],
        ['anno', 2024],
        ['metodo', 'proporzionale'],
        ['fasce', '99%:100%; 80%:80%; 0%:0%'],
        ['tolleranza', '0%'],
        ['tetto', '100%'],
        ['aggregazione ente', 'media semplice'],
        ['scala valutazione', '90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente'],
        // Individual performance: illustrative rules of an SMVP.
        ['composizione dirigente', 'risultati 60%; organizzativa 20%; comportamenti 20%'],
        ['composizione dipendente', 'risultati 40%; comportamenti 60%'],
        ['scala comportamenti', '1-5'],
        ['fasce premiali', '90%:Fascia 1; 75%:Fascia 2; 60%:Fascia 3; 0%:Fascia 4'],
        ['coefficienti premiali', 'Fascia 1: 1,3; Fascia 2: 1; Fascia 3: 0,7; Fascia 4: 0'],
        ['fondo premiale dirigente', '30.000 €'],
        ['fondo premiale dipendente', '24.000 €'],
        ['differenziazione minima', '5%'],
      ],
      ...peopleSheets(),
      Leggimi: [
        ['Esempio di cruscotto: PIRA 2024 della Camera di commercio della Maremma e del Tirreno.'],
        ['Obiettivi, pesi e target sono quelli pubblicati nel piano; i consuntivi 2024 sono ILLUSTRATIVI, non i risultati dell\'ente.'],
        ['Illustrative example: objectives, weights and targets as published; the 2024 actuals are invented for illustration.'],
        ['Le schede individuali (fogli Assegnazioni e Comportamenti, composizione, fasce premiali e fondi in Impostazioni) sono ILLUSTRATIVE: persone e valutazioni inventate.'],
        ['The individual scorecards (Assegnazioni, Comportamenti, and the composition, bonus bands and funds in Impostazioni) are illustrative: invented people and ratings.'],
        ['I consuntivi al 30/06 (monitoraggio: colonna Consuntivo 30/06, con Cumulativo si/no) sono ILLUSTRATIVI.'],
        ['The actuals at 30/06 (monitoring: the Consuntivo 30/06 column, with Cumulativo yes/no) are illustrative.'],
      ],
    },
  };
}
