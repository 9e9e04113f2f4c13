/**
 * The xlsx file adapter (streaming reader + package patcher) under the shared conformance suite. The
 * harness reads cells back with ExcelJS, an independent reader, after every write, and the markers from
 * workbook.xml itself, so the adapter cannot pass by agreeing with itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, OutputKind, WritePlan } from '../../src/core/index.js';
import { XlsxFileAdapter, writeScoredCopy } from '../../src/io/write.js';
import { writeTablesFile } from '../../src/io/tables.js';
import { workbookFromTables, writeWorkbook } from '../../src/io/xlsx.js';
import { ZipReader } from '../../src/io/zip.js';
import { describeAdapter, cellIndex, type Harness } from './conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'cruscotto-adapter-'));
let serial = 0;

function noteText(note: unknown): string | null {
  if (!note) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

/** Sheet name -> marker kind, read from workbook.xml by hand (ExcelJS merges sheet-scoped names). */
function markers(file: string): Map<string, OutputKind> {
  const zip = ZipReader.open(file);
  try {
    const xml = zip.text(zip.get('xl/workbook.xml')!);
    const names = [...xml.matchAll(/<sheet\s[^>]*?name="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    const out = new Map<string, OutputKind>();
    for (const m of xml.matchAll(/<definedName\s([^>]*)>([^<]*)<\/definedName>/g)) {
      if (!/name="CRUSCOTTO_OUTPUT"/i.test(m[1])) continue;
      const local = /localSheetId="(\d+)"/.exec(m[1]);
      const kind = /^=?(?:"|&quot;)(summary|issues)(?:"|&quot;)$/.exec(m[2].trim())?.[1];
      if (local && kind && !/hidden="(1|true)"/.test(m[1])) throw new Error('marker not hidden');
      if (local && kind) out.set(names[Number(local[1])], kind as OutputKind);
    }
    return out;
  } finally {
    zip.close();
  }
}

describeAdapter('xlsx file (stream reader, package patcher)', async (sheets) => {
  const file = join(dir, `wb-${++serial}.xlsx`);
  const rows = Object.values(sheets).reduce((n, t) => n + t.length, 0);
  // Small plans come from ExcelJS (another producer); the 100k-row ones from the plain table writer.
  if (rows > 5000) await writeTablesFile(file, { sheets });
  else await writeWorkbook(workbookFromTables({ sheets }), file);
  let model = new ExcelJS.Workbook();
  let owners = new Map<string, OutputKind>();
  const reload = async () => {
    model = new ExcelJS.Workbook();
    await model.xlsx.readFile(file);
    owners = markers(file);
  };
  await reload();
  const inner = new XlsxFileAdapter(file, file, { inPlace: true });
  const harness: Harness = {
    adapter: {
      read: () => inner.read(),
      apply: async (plan: WritePlan) => {
        await inner.apply(plan);
        await reload();
      },
    },
    sheetNames: () => model.worksheets.map((w) => w.name),
    cell: (sheet, address) => {
      const ws = model.getWorksheet(sheet);
      if (!ws) throw new Error(`no sheet ${sheet}`);
      const c = ws.getCell(address);
      const raw = c.value as unknown;
      const value = raw && typeof raw === 'object' && 'richText' in (raw as object)
        ? (raw as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
        : (raw as CellValue);
      const fill = c.fill && c.fill.type === 'pattern' && c.fill.pattern === 'solid' ? `#${(c.fill.fgColor?.argb ?? '').slice(2)}` : null;
      return { value: value ?? null, fill, bold: c.font?.bold === true, note: noteText(c.note), numberFormat: c.numFmt ?? null };
    },
    ownerOf: (sheet) => owners.get(sheet) ?? null,
    setCell: async (sheet, address, value) => {
      // A person typing: one cell changed in place, nothing else (the patcher, as the simplest editor).
      const { row, col } = cellIndex(address);
      await writeScoredCopy(file, file, { sheets: [{ sheet, replace: false, blocks: [{ row, col, values: [[value ?? null]] }] }] }, { inPlace: true });
      await reload();
    },
  };
  return harness;
});
