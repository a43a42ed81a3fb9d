import { controllerRef, kubeTime } from '../../objects/meta.ts';
import type { CronJob, Job } from '../../objects/types.ts';
import type { SimContext } from '../simContext.ts';
import { parseCron, type CronSchedule } from './cronSchedule.ts';
import { isJobFinished } from './jobs.ts';

const SOURCE = { component: 'cronjob-controller' };
const SCHEDULED = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/**
 * Creates a Job <cronjob>-<minutes since epoch> at each scheduled time
 * (calendar time: only the latest missed run starts, as with a starting
 * deadline), tracks active ones and trims the finished history.
 */
export class CronJobController {
  private readonly schedules = new Map<
    string,
    { expression: string; schedule: CronSchedule | undefined }
  >();

  constructor(private readonly context: SimContext) {}

  private scheduleOf(cronJob: CronJob): CronSchedule | undefined {
    const cached = this.schedules.get(cronJob.metadata.uid);
    if (cached?.expression === cronJob.spec.schedule) return cached.schedule;
    let schedule: CronSchedule | undefined;
    try {
      schedule = parseCron(cronJob.spec.schedule);
    } catch {
      schedule = undefined;
    }
    this.schedules.set(cronJob.metadata.uid, { expression: cronJob.spec.schedule, schedule });
    return schedule;
  }

  /** While warming: the last `count` runs before now, so the history looks lived-in. */
  backfill(cronJob: CronJob, count: number): void {
    const schedule = this.scheduleOf(cronJob);
    if (!schedule) return;
    const now = this.context.now().getTime();
    const times: Date[] = [];
    let cursor = schedule.next(new Date(now - 7 * 86_400_000));
    while (cursor && cursor.getTime() <= now) {
      times.push(cursor);
      cursor = schedule.next(cursor);
    }
    for (const time of times.slice(-count)) this.createJob(cronJob, time);
  }

  reconcile(cronJob: CronJob): void {
    const { store } = this.context;
    const schedule = this.scheduleOf(cronJob);
    const jobs = store.ownedBy<Job>('jobs', cronJob.metadata.uid);
    const now = this.context.now();
    if (schedule && !cronJob.spec.suspend) {
      const base = cronJob.status.lastScheduleTime ?? cronJob.metadata.creationTimestamp;
      let due: Date | undefined;
      for (
        let next = schedule.next(new Date(base));
        next && next <= now;
        next = schedule.next(next)
      )
        due = next;
      const forbid = cronJob.spec.concurrencyPolicy === 'Forbid';
      if (due && !(forbid && jobs.some((job) => !isJobFinished(job)))) {
        this.createJob(cronJob, due);
      }
    }
    this.trimHistory(cronJob);
    const current = store.get<CronJob>(
      'cronjobs',
      cronJob.metadata.namespace,
      cronJob.metadata.name,
    );
    if (!current) return;
    const owned = store.ownedBy<Job>('jobs', current.metadata.uid);
    const active = owned.filter((job) => !isJobFinished(job));
    const lastSuccess = owned
      .filter((job) => job.status.completionTime)
      .map((job) => job.status.completionTime!)
      .sort()
      .at(-1);
    const lastSchedule = owned
      .map((job) => job.metadata.annotations?.[SCHEDULED] ?? '')
      .filter(Boolean)
      .sort()
      .at(-1);
    store.update('cronjobs', current, (draft) => {
      draft.status = {
        ...(active.length > 0
          ? {
              active: active.map((job) => ({
                kind: 'Job',
                namespace: job.metadata.namespace!,
                name: job.metadata.name,
                uid: job.metadata.uid,
                apiVersion: 'batch/v1',
              })),
            }
          : {}),
        ...((lastSchedule ?? draft.status.lastScheduleTime)
          ? { lastScheduleTime: lastSchedule ?? draft.status.lastScheduleTime }
          : {}),
        ...(lastSuccess ? { lastSuccessfulTime: lastSuccess } : {}),
      };
    });
  }

  private createJob(cronJob: CronJob, scheduledAt: Date): void {
    const { store } = this.context;
    const name = `${cronJob.metadata.name}-${Math.floor(scheduledAt.getTime() / 60_000)}`;
    if (store.get('jobs', cronJob.metadata.namespace, name)) return;
    const template = cronJob.spec.jobTemplate;
    const job = store.create<Job>(
      'jobs',
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: {
          name,
          namespace: cronJob.metadata.namespace,
          uid: '',
          resourceVersion: '',
          creationTimestamp: kubeTime(scheduledAt),
          generation: 1,
          labels: { ...template.metadata?.labels },
          annotations: { [SCHEDULED]: kubeTime(scheduledAt) },
          ownerReferences: [controllerRef(cronJob)],
        },
        spec: {
          backoffLimit: 6,
          completions: 1,
          parallelism: 1,
          ...structuredClone(template.spec),
        },
        status: {},
      },
      kubeTime(scheduledAt),
    );
    this.context.events.record(
      cronJob,
      'Normal',
      'SuccessfulCreate',
      `Created job ${job.metadata.name}`,
      SOURCE,
      {
        at: scheduledAt,
      },
    );
    this.context.dirty.add(job.metadata.uid);
  }

  private trimHistory(cronJob: CronJob): void {
    const jobs = this.context.store
      .ownedBy<Job>('jobs', cronJob.metadata.uid)
      .filter(isJobFinished)
      .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp));
    const succeeded = jobs.filter((job) =>
      job.status.conditions?.some((c) => c.type === 'Complete'),
    );
    const failed = jobs.filter((job) => !succeeded.includes(job));
    const excess = [
      ...succeeded.slice(
        0,
        Math.max(0, succeeded.length - (cronJob.spec.successfulJobsHistoryLimit ?? 3)),
      ),
      ...failed.slice(0, Math.max(0, failed.length - (cronJob.spec.failedJobsHistoryLimit ?? 1))),
    ];
    for (const job of excess) {
      this.context.store.remove('jobs', job.metadata.namespace, job.metadata.name);
      this.context.events.record(
        cronJob,
        'Normal',
        'SuccessfulDelete',
        `Deleted job ${job.metadata.name}`,
        SOURCE,
      );
    }
  }
}
