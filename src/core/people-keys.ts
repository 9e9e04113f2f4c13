/**
 * The Impostazioni keys of individual performance, so the plan's own settings reader can leave them to
 * people-settings.ts instead of calling them unknown. No imports beyond the header normaliser: settings.ts
 * depends on this file and must not pull the people model in.
 */

/** `composizione dirigente`, `composition employee`, plain `composizione` (every role without its own). */
export const COMPOSITION_KEY = /^(?:composizione|composition)(?:\s+(.+))?$/;
/** `fondo premiale`, `fondo premiale dirigente`, `bonus fund employee`. */
export const FUND_KEY = /^(?:fondo premiale|fondo|bonus fund)(?:\s+(.+))?$/;
export const BEHAVIOUR_SCALE_KEYS = ['scala comportamenti', 'behaviour scale', 'behavior scale', 'scala dei comportamenti'];
export const BONUS_BAND_KEYS = ['fasce premiali', 'bonus bands', 'fasce di merito'];
export const COEFFICIENT_KEYS = ['coefficienti premiali', 'bonus coefficients', 'coefficienti fasce', 'band coefficients'];
export const DIFFERENTIATION_KEYS = ['differenziazione minima', 'minimum differentiation'];

/** True for a normalised Impostazioni key (see table.ts normalizeHeader) that belongs to individual performance. */
export function isPeopleSettingKey(key: string): boolean {
  return (
    COMPOSITION_KEY.test(key) ||
    FUND_KEY.test(key) ||
    BEHAVIOUR_SCALE_KEYS.includes(key) ||
    BONUS_BAND_KEYS.includes(key) ||
    COEFFICIENT_KEYS.includes(key) ||
    DIFFERENTIATION_KEYS.includes(key)
  );
}
