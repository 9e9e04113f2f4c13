/**
 * Exact rationals for comparisons a person checks by hand: 3,47% against 3,50% is 99,14%, which must be
 * "at least 99%" without a float deciding otherwise. Values come from decimal text or from floats read
 * through their shortest decimal form, so every input is an exact decimal.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint; // always > 0
}

// BigInt() calls, never literals (a digit followed by n): the Apps Script editor's parser rejects the literal syntax
// ("Unexpected token ILLEGAL") and would refuse the whole bundle.
const B0 = BigInt(0);
const B1 = BigInt(1);
const TEN = BigInt(10);
const HUNDRED = BigInt(100);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function rational(n: bigint, d: bigint = B1): Rational {
  if (d === B0) throw new RangeError('rational: zero denominator');
  return d < B0 ? { n: -n, d: -d } : { n, d };
}

/** A finite float as the decimal a person sees (0.1 -> 1/10, not the binary expansion; at most 15 significant digits, as in Excel). */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`fromNumber: ${x} is not finite`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { n: BigInt(x), d: B1 };
  // Short decimals (0.2952, 14.29) without going through a string: the scaled value must round-trip.
  for (let k = 1; k <= 9; k++) {
    const scaled = Math.round(x * POW10[k]);
    if (Math.abs(scaled) <= Number.MAX_SAFE_INTEGER && scaled / POW10[k] === x) return { n: BigInt(scaled), d: POW10N[k] };
  }
  // Excel keeps and shows 15 significant digits: 0.14289999999999997 is the 14,29% the user typed.
  return fromDecimalString(x.toPrecision(15));
}

const POW10 = Array.from({ length: 10 }, (_, k) => 10 ** k);
const POW10N = POW10.map((p) => BigInt(p));

/** Parses a canonical decimal string: "-12.345", "1e-7", "2.5E+3". */
export function fromDecimalString(text: string): Rational {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`fromDecimalString: "${text}"`);
  const sign = m[1] === '-' ? -B1 : B1;
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + frac) * sign;
  const exp = -frac.length + (m[4] ? Number(m[4]) : 0);
  let d = B1;
  if (exp >= 0) n *= TEN ** BigInt(exp);
  else d = TEN ** BigInt(-exp);
  return { n, d };
}

export const ZERO: Rational = { n: B0, d: B1 };
export const ONE: Rational = { n: B1, d: B1 };

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
export function div(a: Rational, b: Rational): Rational {
  if (b.n === B0) throw new RangeError('div: division by zero');
  return rational(a.n * b.d, a.d * b.n);
}
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const abs = (a: Rational): Rational => (a.n < B0 ? neg(a) : a);
export const sign = (a: Rational): -1 | 0 | 1 => (a.n === B0 ? 0 : a.n > B0 ? 1 : -1);

/** Whole number, whatever the representation (2025 and 20250/10 alike). */
export const isInteger = (a: Rational): boolean => a.n % a.d === B0;
/** Percent points to a fraction: 14,29 -> 14,29/100. */
export const percent = (a: Rational): Rational => ({ n: a.n, d: a.d * HUNDRED });

export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l === r ? 0 : l < r ? -1 : 1;
}
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);

function gcd(a: bigint, b: bigint): bigint {
  if (a < B0) a = -a;
  while (b !== B0) [a, b] = [b, a % b];
  return a;
}

/**
 * Nearest float. Equal rationals give the same float whatever their representation (1/10 and 10/100),
 * so results do not depend on whether a weight was typed as 0,1 or "10%".
 */
export function toNumber(a: Rational): number {
  if (a.d === B1) return Number(a.n);
  const LIMIT = MAX_SAFE;
  // Both exact as doubles: IEEE division is then correctly rounded.
  if (a.d <= LIMIT && a.n <= LIMIT && a.n >= -LIMIT) return Number(a.n) / Number(a.d);
  const g = gcd(a.n, a.d);
  const n = a.n / g;
  const d = a.d / g;
  if (d <= LIMIT && n <= LIMIT && n >= -LIMIT) return Number(n) / Number(d);
  // 64 significant bits of the quotient, then one rounding to 53.
  const bits = (v: bigint) => (v < B0 ? -v : v).toString(2).length;
  const shift = Math.max(0, 64 - (bits(n) - bits(d)));
  return Number((n << BigInt(shift)) / d) / 2 ** shift;
}
