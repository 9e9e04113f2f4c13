import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/ui/sparkline.js';

const points = (...scores: (number | null)[]) => scores.map((score, i) => ({ period: `P${i + 1}`, actual: '', achievement: score, score }));

describe('sparkline', () => {
  it('joins periods with a value and breaks the line at an n.d.', () => {
    const svg = sparkline(points(0.2, 0.5, null, 0.9, 1), { lang: 'it' });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    expect(svg).toContain('aria-label="P1 20,0%, P2 50,0%, P3 n.d., P4 90,0%, P5 100,0%"');
  });

  it('draws higher scores higher, the 100% line where a met target is', () => {
    const svg = sparkline(points(0.25, 1), { lang: 'it', width: 100, height: 20 });
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys[0]).toBeGreaterThan(ys[1]);
    const target = Number(/<line x1="0" x2="100" y1="([\d.]+)"/.exec(svg)?.[1]);
    expect(target).toBeCloseTo(ys[1], 5);
  });

  it('shows the baseline as a point of its own, with last year\'s actual, and escapes text', () => {
    const svg = sparkline([{ period: '2023', actual: '61% <x>', achievement: null, score: null, baseline: true }, ...points(0.5)], { lang: 'en', label: 'A & B' });
    expect(svg).toContain('<title>2023: 61% &lt;x&gt;</title>');
    expect(svg).toContain('aria-label="A &amp; B: P1 50.0%"');
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
});
