/**
 * Excel custom functions under the CRUSCOTTO namespace. Each one is a thin wrapper over the core's
 * function table (so Excel and Sheets answer alike); functions.json is generated from this JSDoc by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls.
 */
import { callFunction, FunctionArgumentError } from '../src/core/index.js';

/* global CustomFunctions */

function call(name: string, args: unknown[]): number | string {
  try {
    return callFunction(name, args);
  } catch (e) {
    // A bad argument is #VALUE! with the reason, never a silent 0.
    if (e instanceof FunctionArgumentError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    throw e;
  }
}

/**
 * Punteggio di un indicatore (0,95 = 95%) dato consuntivo e target, con soglia, direzione e metodo facoltativi.
 * @customfunction ACHIEVEMENT
 * @param actual Consuntivo: numero, percentuale, data o si/no.
 * @param target Target, anche come testo: ">= 45,00 %", "<= -12", "Entro 31-12-2025", "= si".
 * @param [threshold] Soglia minima: sotto di essa il punteggio è 0.
 * @param [direction] max (più alto è meglio) o min, per target senza comparatore.
 * @param [method] proporzionale (predefinito), fasce, soglia o binario; oppure fasce e tetto del piano, separati da ";": "99%:100%; 80%:80%; 0%:0%" (fasce), "proporzionale; tetto 120%" (in inglese "linear; cap 120%").
 * @returns Il punteggio come frazione.
 */
export function achievement(actual: any, target: any, threshold?: any, direction?: any, method?: any): any {
  return call('ACHIEVEMENT', [actual, target, threshold, direction, method]);
}

/**
 * Media ponderata dei punteggi per i pesi; celle vuote o n.d. escluse e pesi rinormalizzati; senza pesi, media semplice.
 * @customfunction WEIGHTED
 * @param scores Intervallo dei punteggi.
 * @param weights Intervallo dei pesi, della stessa dimensione.
 * @returns La media come frazione.
 */
export function weighted(scores: any[][], weights: any[][]): number {
  return call('WEIGHTED', [scores, weights]) as number;
}

/**
 * Valore numerico di un target scritto come testo (percentuali come frazione, date come numero di serie).
 * @customfunction TARGETVALUE
 * @param target Target, es. ">= 45,00 %".
 * @returns Il valore del target.
 */
export function targetValue(target: any): number {
  return call('TARGETVALUE', [target]) as number;
}

/**
 * Valutazione di un punteggio secondo la scala (predefinita: 90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente).
 * @customfunction RATING
 * @param score Punteggio (frazione o percentuale).
 * @param [scale] Scala, es. "90%:Eccellente; 60%:Sufficiente; 0%:Insufficiente".
 * @returns Il giudizio.
 */
export function rating(score: any, scale?: any): string {
  return call('RATING', [score, scale]) as string;
}
