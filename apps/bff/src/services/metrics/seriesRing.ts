import type { CpuMemory, MetricsPoint } from '@wheelhouse/contract';

interface Series {
  cpu: Float64Array;
  memory: Float64Array;
  /** Sequence number of the last sample that had a value for this series. */
  lastSeen: number;
}

/**
 * The last `capacity` samples of up to `maxSeries` series (nodes or pods), in fixed-size arrays: its
 * memory is capacity × maxSeries × 16 bytes at most, however long it runs. A series absent from a
 * sample has no point there; one absent from every sample held (a deleted pod) is forgotten.
 */
export class SeriesRing {
  private readonly times: Float64Array;
  private readonly series = new Map<string, Series>();
  /** Samples pushed so far; the next goes to slot `count % capacity`. */
  private count = 0;
  /** Whether some series found no room since the last time a sample had room for all. */
  truncated = false;

  constructor(
    readonly capacity: number,
    readonly maxSeries: number,
  ) {
    this.times = new Float64Array(capacity);
  }

  get size(): number {
    return Math.min(this.count, this.capacity);
  }

  get seriesCount(): number {
    return this.series.size;
  }

  /** Time of the newest sample, or undefined before the first. */
  get newest(): number | undefined {
    return this.count === 0 ? undefined : this.times[(this.count - 1) % this.capacity];
  }

  push(t: number, readings: ReadonlyMap<string, CpuMemory>): void {
    const slot = this.count % this.capacity;
    const sequence = this.count;
    this.times[slot] = t;
    for (const [key, held] of this.series) {
      // Out of every sample held now: a pod or node that is gone.
      if (held.lastSeen <= sequence - this.capacity) {
        this.series.delete(key);
        continue;
      }
      held.cpu[slot] = Number.NaN;
      held.memory[slot] = Number.NaN;
    }
    let truncated = false;
    for (const [key, reading] of readings) {
      let held = this.series.get(key);
      if (!held) {
        if (this.series.size >= this.maxSeries) {
          truncated = true;
          continue;
        }
        held = {
          cpu: new Float64Array(this.capacity).fill(Number.NaN),
          memory: new Float64Array(this.capacity).fill(Number.NaN),
          lastSeen: sequence,
        };
        this.series.set(key, held);
      }
      held.cpu[slot] = reading.cpuMillicores;
      held.memory[slot] = reading.memoryBytes;
      held.lastSeen = sequence;
    }
    this.truncated = truncated;
    this.count += 1;
  }

  /** The points of one series taken at or after `since`, oldest first. */
  points(key: string, since: number): MetricsPoint[] {
    const held = this.series.get(key);
    if (!held) return [];
    const points: MetricsPoint[] = [];
    for (let i = this.count - this.size; i < this.count; i++) {
      const slot = i % this.capacity;
      const t = this.times[slot]!;
      const cpu = held.cpu[slot]!;
      if (t < since || Number.isNaN(cpu)) continue;
      points.push({ t, cpuMillicores: cpu, memoryBytes: held.memory[slot]! });
    }
    return points;
  }
}
