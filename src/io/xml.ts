/**
 * A small streaming XML tokenizer for SpreadsheetML. It reports tags and text by their offsets in the
 * current buffer, so a reader can decode what it needs and a patcher can copy everything else exactly
 * as written. Namespace prefixes (`x:c`, `x:row`) are dropped from names: producers differ in the
 * prefix, never in the local name.
 */

import { LIMITS } from './errors.js';

export type TokenKind = 'open' | 'close' | 'empty' | 'text' | 'cdata' | 'other';

/**
 * Called for each token: `buf.slice(start, end)` is the token's exact text; `name` is the local name
 * for tags, '' otherwise. For an open tag it may return an offset past the tag: scanning resumes there,
 * and the skipped text is not tokenized.
 */
export type TokenHandler = (kind: TokenKind, buf: string, start: number, end: number, name: string) => void | number;

/** End of the tag that starts at `lt` (index just past '>'), or -1 when it is not complete yet. */
function tagEnd(buf: string, lt: number): number {
  // A '>' inside a quoted attribute value is legal XML, so quotes are skipped whole.
  const n = buf.length;
  for (let i = lt + 1; i < n; i++) {
    const code = buf.charCodeAt(i);
    if (code === 62) return i + 1;
    if (code === 34 || code === 39) {
      const close = buf.indexOf(code === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

function isNameEnd(code: number): boolean {
  // space, tab, CR, LF, '/', '>'
  return code === 32 || code === 9 || code === 13 || code === 10 || code === 47 || code === 62;
}

// The one-letter names of cells (c, v, f, t, r) come from this table instead of a new slice each time.
const ONE_LETTER: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

function localNameAt(buf: string, from: number): string {
  const c0 = buf.charCodeAt(from);
  if (c0 < 128 && isNameEnd(buf.charCodeAt(from + 1))) return ONE_LETTER[c0];
  if (c0 === 114 && buf.charCodeAt(from + 1) === 111 && buf.charCodeAt(from + 2) === 119 && isNameEnd(buf.charCodeAt(from + 3))) return 'row';
  let end = from;
  let colon = -1;
  for (; end < buf.length; end++) {
    const code = buf.charCodeAt(end);
    if (isNameEnd(code)) break;
    if (code === 58) colon = end;
  }
  return buf.slice(colon >= 0 ? colon + 1 : from, end);
}

/**
 * Tokenizes `buf` from `pos`; returns where it stopped: the start of a token not complete yet (keep
 * `buf.slice(returned)` and prepend it to the next chunk), or buf.length. With `final`, an incomplete
 * tail is an error.
 */
export function scanXml(buf: string, pos: number, final: boolean, on: TokenHandler): number {
  const n = buf.length;
  while (pos < n) {
    const lt = buf.indexOf('<', pos);
    if (lt < 0) {
      if (!final) return pos;
      on('text', buf, pos, n, '');
      return n;
    }
    if (lt > pos) on('text', buf, pos, lt, '');
    const c1 = buf.charCodeAt(lt + 1);
    if (Number.isNaN(c1)) {
      if (final) throw new SyntaxError('unterminated tag');
      return lt;
    }
    if (c1 === 33 /* ! */) {
      const cdata = buf.startsWith('<![CDATA[', lt);
      const comment = buf.startsWith('<!--', lt);
      const endMark = cdata ? ']]>' : comment ? '-->' : '>';
      if (!cdata && !comment && buf.length - lt < 9 && !final) return lt;
      const e = buf.indexOf(endMark, lt + 2);
      if (e < 0) {
        if (final) throw new SyntaxError('unterminated markup');
        return lt;
      }
      if (cdata) on('cdata', buf, lt + 9, e, '');
      else on('other', buf, lt, e + endMark.length, '');
      pos = e + endMark.length;
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = buf.indexOf('?>', lt + 2);
      if (e < 0) {
        if (final) throw new SyntaxError('unterminated declaration');
        return lt;
      }
      on('other', buf, lt, e + 2, '');
      pos = e + 2;
      continue;
    }
    const end = tagEnd(buf, lt);
    if (end < 0) {
      if (final) throw new SyntaxError('unterminated tag');
      return lt;
    }
    if (c1 === 47 /* / */) on('close', buf, lt, end, localNameAt(buf, lt + 2));
    else {
      // An open tag's handler may return where to resume: a patcher skips what it copies whole.
      const resume = on(buf.charCodeAt(end - 2) === 47 ? 'empty' : 'open', buf, lt, end, localNameAt(buf, lt + 1));
      if (typeof resume === 'number' && resume > end) {
        pos = resume;
        continue;
      }
    }
    pos = end;
  }
  return pos;
}

/**
 * A token (a tag, or a text between tags) longer than LIMITS.xmlToken: no producer writes one (a cell
 * holds at most 32,767 characters), and carrying it from chunk to chunk would grow without bound.
 */
export class XmlTokenTooLong extends Error {
  constructor() {
    super('XML token over the limit');
    this.name = 'XmlTokenTooLong';
  }
}

/** Feeds decoded chunks of a part to scanXml, carrying incomplete tokens across chunk boundaries. */
export class XmlStream {
  private carry = '';
  private readonly decoder = new TextDecoder('utf-8');
  private first = true;

  constructor(private readonly on: TokenHandler) {}

  push(chunk: Uint8Array): void {
    let text = this.decoder.decode(chunk, { stream: true });
    if (this.first) {
      text = text.replace(/^\uFEFF/, '');
      this.first = false;
    }
    const buf = this.carry + text;
    const stop = scanXml(buf, 0, false, this.on);
    this.carry = stop < buf.length ? buf.slice(stop) : '';
    if (this.carry.length > LIMITS.xmlToken) throw new XmlTokenTooLong();
  }

  end(): void {
    const buf = this.carry + this.decoder.decode();
    this.carry = '';
    if (buf.length) scanXml(buf, 0, true, this.on);
  }
}

/** Tokenizes a whole small part (workbook, rels, styles). */
export function scanAll(text: string, on: TokenHandler): void {
  scanXml(text.replace(/^\uFEFF/, ''), 0, true, on);
}

/** Attributes of one tag, by qualified name ('r', 'r:id', 'xml:space'). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 1;
  const n = tag.length;
  // skip the element name
  while (i < n && !isNameEnd(tag.charCodeAt(i))) i++;
  for (;;) {
    while (i < n && (tag.charCodeAt(i) === 32 || tag.charCodeAt(i) === 9 || tag.charCodeAt(i) === 10 || tag.charCodeAt(i) === 13)) i++;
    if (i >= n) break;
    const c = tag.charCodeAt(i);
    if (c === 47 || c === 62) break;
    const eq = tag.indexOf('=', i);
    if (eq < 0) break;
    const name = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && tag[q] !== '"' && tag[q] !== "'") q++;
    const close = tag.indexOf(tag[q], q + 1);
    if (close < 0) break;
    out[name] = decodeXml(tag.slice(q + 1, close));
    i = close + 1;
  }
  return out;
}

/**
 * One attribute's raw value (entities not decoded) straight from the tag text, for the hot path of
 * cells and rows where a whole attribute object per tag would be most of the garbage; undefined when
 * absent.
 */
export function rawAttr(tag: string, name: string): string | undefined {
  const key = name + '=';
  let i = tag.indexOf(key);
  while (i > 0) {
    const before = tag.charCodeAt(i - 1);
    // preceded by white space: a whole attribute name, not the end of "xr:r" or "spans"
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const q = i + key.length;
      const quote = tag.charCodeAt(q);
      if (quote === 34 || quote === 39) {
        const close = tag.indexOf(quote === 34 ? '"' : "'", q + 1);
        return close < 0 ? undefined : tag.slice(q + 1, close);
      }
    }
    i = tag.indexOf(key, i + 1);
  }
  return undefined;
}

/** One attribute by local name, ignoring its prefix ('id' finds 'r:id'); null when absent. */
export function attrLocal(attrs: Record<string, string>, local: string): string | null {
  if (local in attrs) return attrs[local];
  for (const k of Object.keys(attrs)) if (k.endsWith(':' + local)) return attrs[k];
  return null;
}

const ENTITY = /&(?:(amp)|(lt)|(gt)|(quot)|(apos)|#x([0-9a-fA-F]+)|#(\d+));/g;

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, amp, lt, gt, quot, apos, hex, dec) => {
    if (amp) return '&';
    if (lt) return '<';
    if (gt) return '>';
    if (quot) return '"';
    if (apos) return "'";
    return String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10));
  });
}

/** Excel's `_xHHHH_` escapes in strings (openpyxl writes `_x000D_` for a carriage return). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

// Characters XML 1.0 cannot carry at all; dropped rather than making the part unreadable.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeXml(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Resolves a relationship target against the part that owns the .rels ('xl/workbook.xml' + 'worksheets/a.xml'). */
export function resolveTarget(sourcePart: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  if (clean.startsWith('/')) return normalizePath(clean.slice(1));
  const dir = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : '';
  return normalizePath(dir + clean);
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return decodeURIComponent(out.join('/'));
}

/** The .rels part of a part: 'xl/workbook.xml' -> 'xl/_rels/workbook.xml.rels'. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The target of `part` written relative to `fromPart`'s folder, as Excel writes it. */
export function relativeTarget(fromPart: string, part: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...new Array(from.length - i).fill('..'), ...to.slice(i)].join('/');
}
