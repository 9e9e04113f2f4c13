/**
 * The page of the captured-request test: the Excel adapter and the core in Chromium, on Microsoft's
 * office.js, talking to a RichApi endpoint on 127.0.0.1 (a Node server executing the requests on the
 * strict fake). Nothing here knows it is a test: office.js posts its requests with the browser's fetch.
 */
import { ExcelAdapter } from '../../addin/excel-adapter.js';
import { scorePlan } from '../../src/core/index.js';

async function scoreThroughRichApi(): Promise<{ syncs: number; indicators: number }> {
  const context = new Excel.RequestContext(`${location.origin}/richapi`);
  // Excel on the web today: ExcelApi up to 1.18 (office.js itself, without an Office host, assumes every set).
  const adapter = new ExcelAdapter(context, { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 18 });
  const read = await adapter.read();
  const result = scorePlan(read.input, { workbook: read.sheets });
  await adapter.apply(result.writePlan);
  return { syncs: adapter.syncs, indicators: result.indicators.length };
}

Object.assign(window, { scoreThroughRichApi });
