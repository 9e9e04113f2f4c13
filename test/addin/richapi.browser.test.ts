/**
 * The captured-request test. Chromium loads Microsoft's office.js for Excel on the web
 * (excel-web-16.00.js) and the Excel adapter; `new Excel.RequestContext(url)` makes office.js post every
 * RichApi request with fetch to a server on 127.0.0.1, which records each body as received and executes
 * it on the strict fake. So the sizes are those of the real serialiser's requests, including what
 * office.js adds itself (its own cutting of large grids into 1,500-cell chunks, object paths, actions).
 * Excel on the web refuses anything over 5 MB; every request and response here stays at most 4 MB,
 * for 1k, 10k and 100k indicators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { STATUS_FILLS, scorePlan, type PlanInput } from '../../src/core/index.js';
import { largePlan } from '../fixtures/large-plan.js';
import { artifactsDir, launchChromium } from '../support/browser.js';
import { FakeExcel } from './fake-excel.js';
import { NOTES_SHIM } from './officejs.js';

const FOUR_MB = 4 * 1024 * 1024;

let server: Server;
let base: string;
let browser: Browser;
let fake: FakeExcel;
let received: number[] = [];
let officeJs: string;
let page: string;


beforeAll(async () => {
  officeJs = readFileSync(createRequire(import.meta.url).resolve('@microsoft/office-js/dist/excel-web-16.00.js'), 'utf8');
  const bundle = await build({
    entryPoints: [new URL('./richapi-page.ts', import.meta.url).pathname],
    bundle: true, write: false, format: 'iife', target: 'es2020', platform: 'browser',
  });
  page = bundle.outputFiles[0].text;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/richapi/ProcessQuery') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        received.push(body.length);
        res.writeHead(200, { 'content-type': 'application/json' }).end(fake.process(body.toString('utf8')));
      });
      return;
    }
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/office.js"></script><script src="/page.js"></script></head><body></body></html>'],
      '/office.js': ['text/javascript', `${officeJs}\n${NOTES_SHIM}`],
      '/page.js': ['text/javascript', page],
    };
    const file = files[url.pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Figures {
  indicators: number;
  syncs: number;
  largestRequest: number;
  largestResponse: number;
  totalRequest: number;
}

async function capture(input: PlanInput): Promise<Figures> {
  fake = new FakeExcel();
  received = [];
  for (const [name, table] of Object.entries(input.sheets)) fake.load(name, table);
  const tab = await browser.newPage();
  const offsite: string[] = [];
  await tab.route('**/*', (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`${base}/`);
  const outcome = await tab.evaluate(() => (window as unknown as { scoreThroughRichApi(): Promise<{ syncs: number; indicators: number }> }).scoreThroughRichApi());
  await tab.close();
  expect(errors).toEqual([]);
  expect(offsite).toEqual([]);
  expect(fake.requests.filter((r) => r.error)).toEqual([]);
  // What the server received is what office.js sent: same count as the adapter's syncs.
  expect(received.length).toBe(outcome.syncs);
  expect(received).toEqual(fake.requests.map((r) => r.bytes));
  return {
    indicators: outcome.indicators,
    syncs: outcome.syncs,
    largestRequest: Math.max(...received),
    largestResponse: fake.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0),
    totalRequest: received.reduce((s, b) => s + b, 0),
  };
}

describe('Excel adapter through office.js in Chromium, requests captured on 127.0.0.1', () => {
  const figures: Figures[] = [];

  it('writes the plan as the core says, on the bundled-size plan', async () => {
    const input = largePlan(1000);
    const f = await capture(input);
    figures.push(f);
    const expected = scorePlan(input, { workbook: Object.keys(input.sheets).map((name) => ({ name, owner: null })) });
    const ind = fake.sheet('Indicatori');
    const header = ind.table()[0];
    const score = header.indexOf('Punteggio');
    const status = header.indexOf('Stato');
    for (const i of expected.indicators) {
      expect(ind.peek(i.row, score)?.value ?? '', i.code).toEqual(i.score ?? '');
      expect(ind.peek(i.row, status)?.fill, i.code).toBe(STATUS_FILLS[i.status]);
    }
    expect(f.largestRequest).toBeLessThanOrEqual(FOUR_MB);
  }, 120_000);

  it('keeps every request and response at most 4 MB at 10k and 100k indicators', async () => {
    for (const n of [10_000, 100_000]) {
      const f = await capture(largePlan(n));
      figures.push(f);
      expect(f.indicators).toBe(n);
      expect(f.largestRequest, `${n}: largest request`).toBeLessThanOrEqual(FOUR_MB);
      expect(f.largestResponse, `${n}: largest response`).toBeLessThanOrEqual(FOUR_MB);
    }
    // Syncs follow the payload: ten times the indicators, several times the syncs, never one per row.
    const [k1, k10, k100] = figures;
    expect(k100.syncs).toBeGreaterThan(k10.syncs);
    expect(k100.syncs).toBeLessThan(k100.indicators / 1000);
    writeFileSync(join(artifactsDir(), 'excel-requests.json'), JSON.stringify({ k1, k10, k100 }, null, 2));
    console.log(figures.map((f) => `${f.indicators} indicators: ${f.syncs} syncs, largest request ${(f.largestRequest / 2 ** 20).toFixed(2)} MB, largest response ${(f.largestResponse / 2 ** 20).toFixed(2)} MB, ${(f.totalRequest / 2 ** 20).toFixed(1)} MB sent`).join('\n'));
  }, 600_000);
});
