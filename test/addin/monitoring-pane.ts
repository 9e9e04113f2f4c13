/**
 * What the shared pane must show for a monitored plan, asserted the same way in the Excel task pane and the
 * Sheets sidebar: a line per top-level objective and the watchlist, both as summarize() gives them.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { formatNumber, formatPercent, type Summary } from '../../src/core/index.js';

/** Reads back a number the pane wrote in Italian (1.234,5 or -6,5). */
function italianNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.'));
}

export async function expectLines(page: Page, summary: Summary): Promise<void> {
  const objectives = summary.objectives;
  expect(objectives.length).toBeGreaterThan(1);
  const lines = await page.locator('#objective-lines li').evaluateAll((items) => items.map((li) => ({
    code: li.getAttribute('data-code'), what: li.querySelector('.what')?.textContent, value: li.querySelector('.value')?.textContent,
    polylines: li.querySelectorAll('svg.sparkline polyline').length, label: li.querySelector('svg.sparkline')?.getAttribute('aria-label') ?? '',
  })));
  expect(lines.map((l) => l.code)).toEqual(objectives.map((o) => o.code));
  objectives.forEach((o, i) => {
    expect(lines[i].what).toBe(`${o.code} ${o.title}`);
    expect(lines[i].value, o.code).toBe(formatPercent(o.score, 'it', 1));
    // Both periods have a score, so the line is drawn, and its accessible name says whose it is.
    expect(lines[i].polylines, o.code).toBe(1);
    expect(lines[i].label.startsWith(`${o.code} ${o.title}: `), o.code).toBe(true);
  });

  const watch = summary.watchlist ?? [];
  expect(await page.textContent('#monitoring')).toContain(`Indicatori da seguire: ${watch.length}`);
  const rows = await page.locator('#watchlist li').evaluateAll((items) => items.map((li) => ({
    code: li.getAttribute('data-code'), atRisk: li.getAttribute('data-at-risk') === 'true', what: li.querySelector('.what')?.textContent,
    state: li.querySelector('.state')?.textContent ?? '', gap: li.querySelector('.gap')?.textContent ?? null,
    worse: li.querySelector('.gap')?.classList.contains('worse') ?? false, sparklines: li.querySelectorAll('svg.sparkline').length,
  })));
  expect(rows.map((r) => r.code)).toEqual(watch.map((w) => w.code));
  expect(rows.map((r) => r.atRisk)).toEqual(watch.map((w) => w.atRisk));
  watch.forEach((w, i) => {
    const row = rows[i];
    expect(row.what).toBe(`${w.code} ${w.name}`);
    expect(row.sparklines, w.code).toBe(1);
    if (w.atRisk && w.projection) expect(row.state, w.code).toBe(`A rischio (stima a fine anno ≈ ${formatNumber(w.projection.value, 'it', 2)})`);
    else if (w.atRisk) expect(row.state, w.code).toBe('A rischio');
    else if (w.inProgress) expect(row.state, w.code).toBe('In corso');
    else expect(row.state, w.code).toBe('Non raggiunto');
    if (w.gap === null) {
      expect(row.gap, w.code).toBeNull();
      return;
    }
    expect(row.gap?.startsWith('Scostamento '), w.code).toBe(true);
    const written = (row.gap ?? '').slice('Scostamento '.length);
    expect(written.startsWith(w.gap < 0 ? '-' : w.gap > 0 ? '+' : ''), w.code).toBe(true);
    expect(italianNumber(written)).toBeCloseTo(w.gap, 2);
    expect(row.worse, w.code).toBe(w.gap < 0);
  });
}
