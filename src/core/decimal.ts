/**
 * Exact rationals for comparisons a person checks by hand: 3,47% against 3,50% is 99,14%, which must be
 * "at least 99%" without a float deciding otherwise. Values come from decimal text or from floats read
 * through their shortest decimal form, so every input is an exact decimal.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint; // always > 0
}

const TEN = 10n;

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('rational: zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

/** A finite float as the decimal a person sees (0.1 -> 1/10, not the binary expansion; at most 15 significant digits, as in Excel). */
export function fromNumber(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`fromNumber: ${x} is not finite`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { n: BigInt(x), d: 1n };
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
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  let n = BigInt((m[2] || '0') + frac) * sign;
  const exp = -frac.length + (m[4] ? Number(m[4]) : 0);
  let d = 1n;
  if (exp >= 0) n *= TEN ** BigInt(exp);
  else d = TEN ** BigInt(-exp);
  return { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
export const sub = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('div: division by zero');
  return rational(a.n * b.d, a.d * b.n);
}
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export const abs = (a: Rational): Rational => (a.n < 0n ? neg(a) : a);
export const sign = (a: Rational): -1 | 0 | 1 => (a.n === 0n ? 0 : a.n > 0n ? 1 : -1);

export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l === r ? 0 : l < r ? -1 : 1;
}
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Nearest float. Equal rationals give the same float whatever their representation (1/10 and 10/100),
 * so results do not depend on whether a weight was typed as 0,1 or "10%".
 */
export function toNumber(a: Rational): number {
  if (a.d === 1n) return Number(a.n);
  const LIMIT = 9007199254740991n;
  // Both exact as doubles: IEEE division is then correctly rounded.
  if (a.d <= LIMIT && a.n <= LIMIT && a.n >= -LIMIT) return Number(a.n) / Number(a.d);
  const g = gcd(a.n, a.d);
  const n = a.n / g;
  const d = a.d / g;
  if (d <= LIMIT && n <= LIMIT && n >= -LIMIT) return Number(n) / Number(d);
  // 64 significant bits of the quotient, then one rounding to 53.
  const bits = (v: bigint) => (v < 0n ? -v : v).toString(2).length;
  const shift = Math.max(0, 64 - (bits(n) - bits(d)));
  return Number((n << BigInt(shift)) / d) / 2 ** shift;
}
