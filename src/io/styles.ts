/**
 * Cell styles for output cells, appended to the workbook's styles.xml. Existing fonts, fills, number
 * formats and cell formats keep their indexes (every `s="n"` in every sheet stays right); a style the
 * tool wrote on a previous run is found again by its exact text, so scoring twice adds nothing.
 */
import { GENERAL_FORMAT } from '../core/writeblock.js';
import { attributes, escapeAttr, scanAll } from './xml.js';

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49,
};

interface Section {
  /** Offset of the section's opening tag and its end, of the closing tag; -1 when absent. */
  openStart: number;
  openEnd: number;
  closeStart: number;
  items: string[];
}

const SECTION_NAMES = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
type SectionName = (typeof SECTION_NAMES)[number];

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export class StyleBook {
  private readonly sections = {} as Record<SectionName, Section>;
  private readonly added: Record<'numFmts' | 'fonts' | 'fills' | 'cellXfs', string[]> = { numFmts: [], fonts: [], fills: [], cellXfs: [] };
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly cache = new Map<string, Map<string | null, [number, number]>>();
  /** Namespace prefix of the stylesheet's elements ('' or 'x:'). */
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    for (const n of SECTION_NAMES) this.sections[n] = { openStart: -1, openEnd: -1, closeStart: -1, items: [] };
    let prefix = '';
    let current: SectionName | null = null;
    let itemStart = -1;
    let depth = 0;
    scanAll(xml, (kind, buf, start, end, name) => {
      if (kind === 'open' || kind === 'empty') {
        if (name === 'styleSheet') {
          prefix = /^<([\w.-]+:)?styleSheet/.exec(buf.slice(start, end))?.[1] ?? '';
        }
        if ((SECTION_NAMES as readonly string[]).includes(name) && depth === 1) {
          const s = this.sections[name as SectionName];
          s.openStart = start;
          s.openEnd = end;
          if (kind === 'empty') s.closeStart = end;
          else current = name as SectionName;
        } else if (current && depth === 2) {
          if (kind === 'empty') this.sections[current].items.push(buf.slice(start, end));
          else itemStart = start;
        }
        if (name === 'numFmt') {
          const a = attributes(buf.slice(start, end));
          const id = Number(a.numFmtId);
          this.formats.set(a.formatCode ?? '', id);
          if (id >= this.nextFormatId) this.nextFormatId = id + 1;
        }
        if (kind === 'open') depth++;
      } else if (kind === 'close') {
        depth--;
        if (current && depth === 2 && itemStart >= 0) {
          this.sections[current].items.push(buf.slice(itemStart, end));
          itemStart = -1;
        } else if (current && depth === 1 && name === current) {
          this.sections[current].closeStart = start;
          current = null;
        }
      }
    });
    this.prefix = prefix;
  }

  private el(name: string): string {
    return this.prefix + name;
  }

  /** Index of an item with this exact text in a section, appending it when new. */
  private indexOf(section: 'fonts' | 'fills' | 'cellXfs', text: string): number {
    const existing = this.sections[section].items.indexOf(text);
    if (existing >= 0) return existing;
    const added = this.added[section].indexOf(text);
    if (added >= 0) return this.sections[section].items.length + added;
    this.added[section].push(text);
    return this.sections[section].items.length + this.added[section].length - 1;
  }

  private formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formats.set(code, id);
    this.added.numFmts.push(`<${this.el('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private boldFont(): number {
    const base = this.sections.fonts.items[0] ?? `<${this.el('font')}></${this.el('font')}>`;
    if (/<(?:\w+:)?b(?:\s[^>]*)?\/>/.test(base)) return 0;
    // The workbook's default font, made bold: the output keeps the user's typeface and size.
    const open = /^<[^>]*?(\/?)>/.exec(base)!;
    const text = open[1]
      ? `${open[0].slice(0, -2)}><${this.el('b')}/></${this.el('font')}>`
      : `${open[0]}<${this.el('b')}/>${base.slice(open[0].length)}`;
    return this.indexOf('fonts', text);
  }

  private solidFill(hex: string): number {
    const rgb = `FF${hex.replace('#', '').toUpperCase()}`;
    const p = this.prefix;
    return this.indexOf('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private sealed = false;

  /** After this, a style not seen before is a programming error (styles.xml may be written already). */
  seal(): void {
    this.sealed = true;
  }

  unseal(): void {
    this.sealed = false;
  }

  /** The cellXfs index for an output cell: number format, solid fill or none, bold or not. */
  style(format: string, fill: string | null, bold: boolean): number {
    // Looked up for every output cell: nested maps, no key string built per cell.
    let byFill = this.cache.get(format);
    if (!byFill) this.cache.set(format, (byFill = new Map()));
    let pair = byFill.get(fill);
    if (!pair) byFill.set(fill, (pair = [-1, -1]));
    const cached = pair[bold ? 1 : 0];
    if (cached >= 0) return cached;
    const key = `${format} | ${fill ?? '-'} | ${bold ? 'bold' : 'normal'}`;
    if (this.sealed) throw new Error(`style not registered before writing: ${JSON.stringify(key)}`);
    const numFmtId = this.formatId(format || GENERAL_FORMAT);
    const fontId = bold ? this.boldFont() : 0;
    const fillId = fill ? this.solidFill(fill) : 0;
    const xf = `<${this.el('xf')} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>`;
    const index = this.indexOf('cellXfs', xf);
    pair[bold ? 1 : 0] = index;
    return index;
  }

  get changed(): boolean {
    return this.added.numFmts.length + this.added.fonts.length + this.added.fills.length + this.added.cellXfs.length > 0;
  }

  /** styles.xml with the new items appended at the end of their sections, counts updated. */
  toXml(): string {
    const edits: { at: number; remove: number; text: string }[] = [];
    const appendTo = (name: 'numFmts' | 'fonts' | 'fills' | 'cellXfs', before: SectionName) => {
      const add = this.added[name];
      if (!add.length) return;
      const s = this.sections[name];
      const count = s.items.length + add.length;
      if (s.openStart < 0) {
        // numFmts is optional: it goes first in the stylesheet, before fonts.
        const at = this.sections[before].openStart;
        edits.push({ at, remove: 0, text: `<${this.el(name)} count="${count}">${add.join('')}</${this.el(name)}>` });
        return;
      }
      const open = this.xml.slice(s.openStart, s.openEnd);
      const selfClosing = s.closeStart === s.openEnd;
      let newOpen = /\scount\s*=\s*["'][^"']*["']/.test(open)
        ? open.replace(/(\scount\s*=\s*["'])[^"']*(["'])/, `$1${count}$2`)
        : open.replace(/(\/?>)$/, ` count="${count}"$1`);
      if (selfClosing) newOpen = newOpen.replace(/\s*\/>$/, '>');
      edits.push({ at: s.openStart, remove: s.openEnd - s.openStart, text: newOpen });
      edits.push({ at: s.closeStart, remove: 0, text: add.join('') + (selfClosing ? `</${this.el(name)}>` : '') });
    };
    appendTo('numFmts', 'fonts');
    appendTo('fonts', 'fills');
    appendTo('fills', 'borders');
    appendTo('cellXfs', 'cellXfs');
    // Back to front; at one offset the replaced tag first, so an insertion lands before it.
    edits.sort((a, b) => b.at - a.at || b.remove - a.remove);
    let out = this.xml;
    for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
    return out;
  }
}
