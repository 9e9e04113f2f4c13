/** The baseline for the CLI benchmark: read an xlsx with ExcelJS and write it back, nothing else. */
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(input);
await workbook.xlsx.writeFile(output);
