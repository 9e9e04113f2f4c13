/** The shared WorkbookAdapter conformance suite on the Google Sheets adapter over the strict fake. */
import { describeAdapter } from './conformance.js';
import { makeSheetsHarness } from '../gas/sheets-harness.js';

describeAdapter('sheets', (sheets) => makeSheetsHarness(sheets));
