import { describe, expect, it } from 'vitest';
import { sparkline, trendChart } from '../../src/ui/sparkline.js';

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

describe('trend chart', () => {
  it('names each period under its point and writes its value above it; an n.d. breaks the line', () => {
    const svg = trendChart([{ label: '31/03', value: 0.8 }, { label: '30/06', value: null }, { label: '30/09', value: 0.9 }, { label: 'Fine anno', value: 1 }], { lang: 'it', title: 'Ente', width: 400 });
    expect(svg).toContain('<title>Ente</title><desc>31/03: 80,0%; 30/06: n.d.; 30/09: 90,0%; Fine anno: 100,0%</desc>');
    // 31/03 stands alone; 30/09 and the year end are joined.
    expect([...svg.matchAll(/<polyline points="([^"]*)"/g)].map((m) => m[1].split(' ').length)).toEqual([2]);
    expect(svg.match(/<circle/g)).toHaveLength(3);
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="134"[^>]*>([^<]*)<\/text>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(labels.map((l) => l[1])).toEqual(['31/03', '30/06', '30/09', 'Fine anno']);
    // Evenly spaced, the first clear of the axis labels (which end 4 px left of the plot).
    const xs = labels.map((l) => l[0] as number);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[3] - xs[2], 6);
    expect(xs[0]).toBeGreaterThan(40 + 30);
    // Higher values higher; each value written just above its point.
    const points = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(points[0]).toBeGreaterThan(points[1]);
    expect(svg).toContain(`>90,0%</text>`);
  });
});
