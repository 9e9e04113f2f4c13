import { describe, expect, it } from 'vitest';
import { PlanCells } from '../../src/io/cells.js';
import { StyleBook } from '../../src/io/styles.js';
import type { SheetWrite } from '../../src/core/types.js';

const STYLES = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

describe('output cells as SpreadsheetML', () => {
  it('gives each cell its own address and style, however often its value repeats', () => {
    const write: SheetWrite = {
      sheet: 'Indicatori',
      replace: false,
      blocks: [{
        row: 1,
        col: 3,
        values: [['Raggiunto', 'Raggiunto'], ['Raggiunto', 1], ['a<b', 1], ['', '']],
        fills: [[null, '#FF0000'], [null, null], [null, null], ['#00FF00', null]],
        bold: [[false, true], [false, false], [false, false], [false, false]],
      }],
    };
    const cells = new PlanCells(write, new StyleBook(STYLES), '');
    const rows = [1, 2, 3, 4].map((r) => cells.rowXml(r) ?? '');
    const styleOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(xml)?.[1] ?? 'none';
    const text = (v: string) => ` t="inlineStr"><is><t xml:space="preserve">${v}</t></is></c>`;
    const plain = styleOf(rows[0], 'D2');
    expect(rows[0]).toContain(`<c r="D2" s="${plain}"${text('Raggiunto')}`);
    expect(rows[0]).toContain(`<c r="E2" s="${styleOf(rows[0], 'E2')}"${text('Raggiunto')}`);
    expect(styleOf(rows[0], 'E2')).not.toBe(plain);
    expect(rows[1]).toBe(`<c r="D3" s="${plain}"${text('Raggiunto')}<c r="E3" s="${plain}"><v>1</v></c>`);
    expect(rows[2]).toBe(`<c r="D4" s="${plain}"${text('a&lt;b')}<c r="E4" s="${plain}"><v>1</v></c>`);
    expect(styleOf(rows[3], 'D5')).not.toBe(plain);
    expect(rows[3]).toBe(`<c r="D5" s="${styleOf(rows[3], 'D5')}"/><c r="E5" s="${plain}"/>`);
  });
});
