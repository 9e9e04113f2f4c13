/**
 * Writes the bundled example workbook (examples/pira-2024.xlsx) and its JSON twin for the host tests
 * (test/fixtures/pira-2024.json) from examples/pira-2024.ts. Run with `npm run example`.
 */
import { writeFileSync } from 'node:fs';
import { piraExample } from '../examples/pira-2024.js';
import { workbookFromTables, writeWorkbook } from '../src/io/xlsx.js';

const input = piraExample();
const workbook = workbookFromTables(input);
// Peso su AS typed as real percent cells in Obiettivi, as an analyst would; indicators keep the pasted text.
const objectives = workbook.getWorksheet('Obiettivi');
objectives?.getColumn(4).eachCell((cell, row) => {
  if (row > 1 && typeof cell.value === 'string') {
    cell.value = Number(cell.value.replace('%', '').replace(',', '.')) / 100;
    cell.numFmt = '0.00%';
  }
});
for (const ws of workbook.worksheets) {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}
const indicators = workbook.getWorksheet('Indicatori');
if (indicators) indicators.getColumn(2).width = 60;
await writeWorkbook(workbook, 'examples/pira-2024.xlsx');
writeFileSync('test/fixtures/pira-2024.json', JSON.stringify(input, null, 1) + '\n');
console.log('examples/pira-2024.xlsx, test/fixtures/pira-2024.json');
