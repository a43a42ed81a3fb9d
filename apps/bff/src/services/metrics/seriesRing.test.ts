import { describe, expect, it } from 'vitest';
import { SeriesRing } from './seriesRing.ts';

const reading = (cpu: number, memory = cpu * 1000) => ({ cpuMillicores: cpu, memoryBytes: memory });

describe('SeriesRing', () => {
  it('keeps the last `capacity` samples of each series, oldest first', () => {
    const ring = new SeriesRing(3, 10);
    for (let t = 1; t <= 5; t++) ring.push(t * 1000, new Map([['node-a', reading(t)]]));
    expect(ring.size).toBe(3);
    expect(ring.newest).toBe(5000);
    expect(ring.points('node-a', 0)).toEqual([
      { t: 3000, cpuMillicores: 3, memoryBytes: 3000 },
      { t: 4000, cpuMillicores: 4, memoryBytes: 4000 },
      { t: 5000, cpuMillicores: 5, memoryBytes: 5000 },
    ]);
  });

  it('answers only the points at or after the window start', () => {
    const ring = new SeriesRing(10, 10);
    for (let t = 1; t <= 4; t++) ring.push(t * 1000, new Map([['a', reading(t)]]));
    expect(ring.points('a', 3000).map((p) => p.t)).toEqual([3000, 4000]);
    expect(ring.points('unknown', 0)).toEqual([]);
  });

  it('leaves a gap where a series was absent, and forgets one absent from every sample held', () => {
    const ring = new SeriesRing(2, 10);
    ring.push(
      1000,
      new Map([
        ['pod', reading(1)],
        ['gone', reading(9)],
      ]),
    );
    ring.push(2000, new Map([['gone', reading(9)]]));
    ring.push(3000, new Map([['pod', reading(3)]]));
    expect(ring.points('pod', 0).map((p) => p.t)).toEqual([3000]);
    expect(ring.seriesCount).toBe(2);
    ring.push(4000, new Map([['pod', reading(4)]]));
    ring.push(5000, new Map([['pod', reading(5)]]));
    expect(ring.points('gone', 0)).toEqual([]);
    expect(ring.seriesCount).toBe(1);
  });

  it('holds at most `maxSeries` series and says when it had to leave some out', () => {
    const ring = new SeriesRing(4, 2);
    ring.push(
      1000,
      new Map([
        ['a', reading(1)],
        ['b', reading(2)],
        ['c', reading(3)],
      ]),
    );
    expect(ring.seriesCount).toBe(2);
    expect(ring.truncated).toBe(true);
    expect(ring.points('c', 0)).toEqual([]);
    ring.push(
      2000,
      new Map([
        ['a', reading(1)],
        ['b', reading(2)],
      ]),
    );
    expect(ring.truncated).toBe(false);
  });
});
