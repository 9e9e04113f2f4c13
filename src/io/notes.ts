/**
 * Notes (legacy comments) on output cells: the comments part lists the text, the VML drawing the box
 * Excel shows. An existing pair is edited, not replaced: notes on other cells, their authors and sizes
 * stay as the user left them; notes inside the plan's output rectangles are the plan's (removed, or
 * written anew).
 */
import { parseA1 } from '../core/table.js';
import type { Rect } from './cells.js';
import { escapeXml } from './xml.js';

export const NOTE_AUTHOR = 'Cruscotto';

const inRects = (ref: string, rects: Rect[]) => {
  const a = parseA1(ref);
  return !!a && rects.some((r) => a.row >= r.row0 && a.row <= r.row1 && a.col >= r.col0 && a.col <= r.col1);
};

function commentXml(p: string, ref: string, author: number, text: string): string {
  return `<${p}comment ref="${ref}" authorId="${author}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r></${p}text></${p}comment>`;
}

export function newComments(notes: Map<string, string>): string {
  const items = [...notes].map(([ref, text]) => commentXml('', ref, 0, text)).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${items}</commentList></comments>`;
}

/** The comments part with the plan's notes in place of whatever was in its rectangles. */
export function patchComments(xml: string, rects: Rect[], notes: Map<string, string>): string {
  const p = /<([\w.-]+:)?comments[\s>]/.exec(xml)?.[1] ?? '';
  let out = xml.replace(/<([\w.-]+:)?comment\s[^>]*?ref\s*=\s*["']([^"']+)["'][\s\S]*?<\/(?:[\w.-]+:)?comment>/g, (whole, _p, ref: string) => (inRects(ref, rects) ? '' : whole));
  out = out.replace(/<([\w.-]+:)?comment\s[^>]*?ref\s*=\s*["']([^"']+)["'][^>]*\/>/g, (whole, _p, ref: string) => (inRects(ref, rects) ? '' : whole));
  if (notes.size === 0) return out;
  const authors = [...out.matchAll(/<(?:[\w.-]+:)?author>([\s\S]*?)<\/(?:[\w.-]+:)?author>/g)].map((m) => m[1]);
  let author = authors.indexOf(NOTE_AUTHOR);
  if (author < 0) {
    author = authors.length;
    out = /<\/(?:[\w.-]+:)?authors>/.test(out)
      ? out.replace(/<\/(?:[\w.-]+:)?authors>/, (m) => `<${p}author>${NOTE_AUTHOR}</${p}author>${m}`)
      : out.replace(/<(?:[\w.-]+:)?authors\s*\/>/, `<${p}authors><${p}author>${NOTE_AUTHOR}</${p}author></${p}authors>`);
  }
  const items = [...notes].map(([ref, text]) => commentXml(p, ref, author, text)).join('');
  if (/<\/(?:[\w.-]+:)?commentList>/.test(out)) return out.replace(/<\/(?:[\w.-]+:)?commentList>/, (m) => items + m);
  return out.replace(/<(?:[\w.-]+:)?commentList\s*\/>/, `<${p}commentList>${items}</${p}commentList>`);
}

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(id: number, ref: string): string {
  const a = parseA1(ref)!;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${a.col + 1}, 15, ${a.row}, 2, ${a.col + 4}, 15, ${a.row + 4}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${a.row}</x:Row><x:Column>${a.col}</x:Column></x:ClientData></v:shape>`;
}

/** A new VML drawing for notes; `block` keeps shape ids apart from other sheets' drawings. */
export function newVml(notes: Map<string, string>, block: number): string {
  let id = block * 1024 + 1;
  return '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}` +
    [...notes.keys()].map((ref) => shapeXml(id++, ref)).join('') + '</xml>';
}

/**
 * The VML drawing with the note boxes inside the plan's rectangles replaced. VML is often not
 * well-formed XML (Excel writes a bare <br>), so shapes are found by their markup, not parsed.
 */
export function patchVml(vml: string, rects: Rect[], notes: Map<string, string>): string {
  let out = vml.replace(/<v:shape\s[\s\S]*?<\/v:shape>/g, (shape) => {
    if (!/ObjectType\s*=\s*["']Note["']/.test(shape)) return shape;
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
    if (!row || !col) return shape;
    const r = Number(row[1]);
    const c = Number(col[1]);
    return rects.some((x) => r >= x.row0 && r <= x.row1 && c >= x.col0 && c <= x.col1) ? '' : shape;
  });
  if (notes.size === 0) return out;
  // Shape ids live in the 1024-wide block the drawing's idmap claims.
  const block = Number(/<o:idmap\s[^>]*data\s*=\s*["'](\d+)/.exec(out)?.[1] ?? 1);
  let id = block * 1024;
  for (const m of out.matchAll(/_x0000_s(\d+)/g)) id = Math.max(id, Number(m[1]));
  if (!/id\s*=\s*["']_x0000_t202["']/.test(out)) out = out.replace(/<\/xml>\s*$/, `${SHAPE_TYPE}</xml>`);
  const shapes = [...notes.keys()].map((ref) => shapeXml(++id, ref)).join('');
  return out.replace(/<\/xml>\s*$/, `${shapes}</xml>`);
}
