import type { WorldClock } from './clock.ts';

/** Something that runs on every world tick (later simulations: EC2, Kubernetes). */
export type TickHook = (clock: WorldClock) => void;

interface Job {
  dueAt: number;
  run: () => void;
  cancelled: boolean;
}

/** A cancellable handle on a scheduled transition. */
export interface ScheduledJob {
  cancel(): void;
}

/**
 * Timed transitions in simulated time. Nothing runs on its own: `tick()` (driven
 * by the sandbox's interval, or by a test) runs what is due, then the tick hooks.
 */
export class Scheduler {
  private jobs: Job[] = [];
  private hooks = new Set<TickHook>();

  constructor(private readonly clock: WorldClock) {}

  /** Runs `run` once `simulatedMs` of simulated time have passed. */
  after(simulatedMs: number, run: () => void): ScheduledJob {
    const job: Job = { dueAt: this.clock.elapsedMs() + simulatedMs, run, cancelled: false };
    this.jobs.push(job);
    return {
      cancel: () => {
        job.cancelled = true;
      },
    };
  }

  /** Registers a hook run on every tick; returns its removal. */
  onTick(hook: TickHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  /** Simulated ms until the next job is due (Infinity when none): lets tests fast-forward. */
  nextDueIn(): number {
    const pending = this.jobs.filter((job) => !job.cancelled);
    if (pending.length === 0) return Infinity;
    return Math.max(0, Math.min(...pending.map((job) => job.dueAt)) - this.clock.elapsedMs());
  }

  tick(): void {
    const now = this.clock.elapsedMs();
    const due = this.jobs.filter((job) => !job.cancelled && job.dueAt <= now);
    if (due.length > 0) {
      this.jobs = this.jobs.filter((job) => !job.cancelled && job.dueAt > now);
      due.sort((a, b) => a.dueAt - b.dueAt);
      // A job may schedule follow-ups; they land in `this.jobs` for a later tick.
      for (const job of due) job.run();
    }
    for (const hook of this.hooks) hook(this.clock);
  }
}
