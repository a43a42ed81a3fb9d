import { seededRandom, type Random } from '../../world/random.ts';
import { LINE_INTERVAL_MS, logLine, type LogFlavour } from './logLines.ts';

/** One line of a container's log, with the time the runtime stamped it. */
export interface LogLine {
  at: Date;
  text: string;
}

/** Someone following a container's log (`kubectl logs -f`). */
export interface LogFollower {
  line(line: LogLine): void;
  /** The container stopped: the stream ends. */
  end(): void;
}

interface ContainerLog {
  flavour: LogFlavour;
  random: Random;
  lines: LogLine[];
  previous: LogLine[] | undefined;
  running: boolean;
  sequence: number;
  /** Simulated and calendar time of the last generated line. */
  lastSim: number;
  lastAt: Date;
  followers: Set<LogFollower>;
}

const CAPACITY = 1_000;

/**
 * The log of each container: a ring buffer of the last lines, and the one of
 * the previous run (`--previous`) once it restarted. Busy containers write
 * lines over time; they are generated when someone reads or follows (the
 * same lines as if written on the fly), so quiet clusters cost nothing.
 */
export class ContainerLogs {
  private readonly logs = new Map<string, ContainerLog>();

  constructor(
    private readonly simNow: () => number,
    private readonly now: () => Date,
  ) {}

  private static key(podUid: string, container: string): string {
    return `${podUid}/${container}`;
  }

  /** The container (re)started: the current log becomes the previous one. */
  start(
    podUid: string,
    container: string,
    flavour: LogFlavour,
    firstLines: string[],
    startedAt?: Date,
  ): void {
    const key = ContainerLogs.key(podUid, container);
    const existing = this.logs.get(key);
    const at = startedAt ?? this.now();
    const log: ContainerLog = existing ?? {
      flavour,
      random: seededRandom(`log:${key}`),
      lines: [],
      previous: undefined,
      running: true,
      sequence: 0,
      lastSim: this.simNow(),
      lastAt: at,
      followers: new Set(),
    };
    if (existing) {
      log.previous = existing.lines;
      log.lines = [];
    }
    log.running = true;
    log.lastSim = this.simNow() - (this.now().getTime() - at.getTime());
    log.lastAt = at;
    for (const text of firstLines) this.append(log, { at, text });
    this.logs.set(key, log);
  }

  /** The container stopped, after writing `lastLines`; followers' streams end. */
  stop(podUid: string, container: string, lastLines: string[] = []): void {
    const log = this.logs.get(ContainerLogs.key(podUid, container));
    if (!log) return;
    this.catchUp(log);
    const at = this.now();
    for (const text of lastLines) this.append(log, { at, text });
    log.running = false;
    for (const follower of log.followers) follower.end();
    log.followers.clear();
  }

  read(podUid: string, container: string, previous = false): LogLine[] | undefined {
    const log = this.logs.get(ContainerLogs.key(podUid, container));
    if (!log) return undefined;
    if (previous) return log.previous;
    this.catchUp(log);
    return log.lines;
  }

  isRunning(podUid: string, container: string): boolean {
    return this.logs.get(ContainerLogs.key(podUid, container))?.running ?? false;
  }

  /** Streams new lines until the container stops; returns the unsubscribe function. */
  follow(podUid: string, container: string, follower: LogFollower): () => void {
    const log = this.logs.get(ContainerLogs.key(podUid, container));
    if (!log || !log.running) {
      follower.end();
      return () => {};
    }
    log.followers.add(follower);
    return () => log.followers.delete(follower);
  }

  /** Writes what followed containers printed since the last tick. */
  tick(): void {
    for (const log of this.logs.values()) if (log.followers.size > 0) this.catchUp(log);
  }

  forgetPod(podUid: string): void {
    for (const [key, log] of this.logs) {
      if (!key.startsWith(`${podUid}/`)) continue;
      for (const follower of log.followers) follower.end();
      this.logs.delete(key);
    }
  }

  private catchUp(log: ContainerLog): void {
    if (!log.running) return;
    const interval = LINE_INTERVAL_MS[log.flavour];
    const now = this.simNow();
    let due = Math.floor((now - log.lastSim) / interval);
    if (due <= 0) return;
    const calendarNow = this.now().getTime();
    const spacing = Math.max(0, (calendarNow - log.lastAt.getTime()) / due);
    const skipped = Math.max(0, due - CAPACITY);
    log.sequence += skipped;
    const firstAt = log.lastAt.getTime() + spacing * skipped;
    due -= skipped;
    for (let i = 1; i <= due; i++) {
      const at = new Date(firstAt + spacing * i);
      this.append(log, { at, text: logLine(log.flavour, log.random, at, ++log.sequence) });
    }
    log.lastSim += (due + skipped) * interval;
    log.lastAt = new Date(calendarNow);
  }

  private append(log: ContainerLog, line: LogLine): void {
    log.lines.push(line);
    if (log.lines.length > CAPACITY * 1.2) log.lines.splice(0, log.lines.length - CAPACITY);
    for (const follower of log.followers) follower.line(line);
  }
}
