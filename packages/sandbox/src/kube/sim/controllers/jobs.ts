import { kubeTime, nameSuffix } from '../../objects/meta.ts';
import type { Job, Pod } from '../../objects/types.ts';
import { podFromTemplate } from '../podFactory.ts';
import { isPodActive, isPodReady } from '../podStatus.ts';
import type { SimContext } from '../simContext.ts';
import type { PodHost } from './podHost.ts';

const SOURCE = { component: 'job-controller' };
const UID_LABEL = 'batch.kubernetes.io/controller-uid';
const NAME_LABEL = 'batch.kubernetes.io/job-name';

export function isJobFinished(job: Job): boolean {
  return (job.status.conditions ?? []).some(
    (condition) =>
      (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True',
  );
}

/** The labels the API server puts on a Job's selector and template (they carry its uid). */
export function jobLabels(job: Job): Record<string, string> {
  return {
    [UID_LABEL]: job.metadata.uid,
    [NAME_LABEL]: job.metadata.name,
    'controller-uid': job.metadata.uid,
    'job-name': job.metadata.name,
  };
}

/**
 * Runs a Job's pods until `completions` succeeded (`parallelism` at a time),
 * or until more than `backoffLimit` failed; then marks it Complete or Failed.
 */
export function reconcileJob(context: SimContext, host: PodHost, job: Job): void {
  const { store } = context;
  if (!job.spec.selector) {
    job = store.update('jobs', job, (draft) => {
      draft.spec.selector = { matchLabels: { [UID_LABEL]: draft.metadata.uid } };
      draft.spec.template.metadata.labels = {
        ...draft.spec.template.metadata.labels,
        ...jobLabels(draft),
      };
    });
  }
  const pods = store.ownedBy<Pod>('pods', job.metadata.uid);
  const succeeded = pods.filter((pod) => pod.status.phase === 'Succeeded');
  const failed = pods.filter((pod) => pod.status.phase === 'Failed').length;
  const active = pods.filter(isPodActive);
  const completions = job.spec.completions ?? 1;
  const finished = isJobFinished(job);
  const now = context.now();
  if (!finished && succeeded.length < completions && failed <= (job.spec.backoffLimit ?? 6)) {
    const missing =
      Math.min(job.spec.parallelism ?? 1, completions - succeeded.length) - active.length;
    for (let i = 0; i < missing; i++) {
      const name = `${job.metadata.name}-${nameSuffix(context.random)}`;
      const pod = host.createPod(
        podFromTemplate(context, job, job.spec.template, {
          name,
          generateName: `${job.metadata.name}-`,
          labels: jobLabels(job),
          ...(context.warming
            ? {
                createdAt: new Date(
                  Math.min(
                    context.now().getTime(),
                    Date.parse(job.metadata.creationTimestamp) + 1_000,
                  ),
                ),
              }
            : {}),
        }),
      );
      active.push(pod);
      context.events.record(
        job,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${pod.metadata.name}`,
        SOURCE,
        {
          ...(context.warming ? { at: new Date(Date.parse(pod.metadata.creationTimestamp)) } : {}),
        },
      );
    }
  }
  const lastFinish = succeeded
    .flatMap((pod) =>
      (pod.status.containerStatuses ?? []).map((s) => s.state.terminated?.finishedAt ?? ''),
    )
    .sort()
    .at(-1);
  store.update('jobs', job, (draft) => {
    const startTime =
      draft.status.startTime ??
      kubeTime(new Date(Date.parse(draft.metadata.creationTimestamp) + 1_000));
    const conditions = [...(draft.status.conditions ?? [])];
    const done = succeeded.length >= completions;
    const gaveUp = !done && failed > (draft.spec.backoffLimit ?? 6);
    if (!finished && (done || gaveUp)) {
      const at = done && lastFinish ? lastFinish : kubeTime(now);
      if (done) {
        conditions.push(
          {
            type: 'SuccessCriteriaMet',
            status: 'True',
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
            lastProbeTime: at,
            lastTransitionTime: at,
          },
          {
            type: 'Complete',
            status: 'True',
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
            lastProbeTime: at,
            lastTransitionTime: at,
          },
        );
        draft.status.completionTime = at;
      } else {
        conditions.push({
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
          lastProbeTime: at,
          lastTransitionTime: at,
        });
      }
    }
    draft.status = {
      ...draft.status,
      startTime,
      ...(active.length > 0 ? { active: active.length } : {}),
      ...(succeeded.length > 0 ? { succeeded: succeeded.length } : {}),
      ...(failed > 0 ? { failed } : {}),
      ready: active.filter(isPodReady).length,
      ...(conditions.length > 0 ? { conditions } : {}),
    };
    if (active.length === 0) delete draft.status.active;
  });
  const after = store.get<Job>('jobs', job.metadata.namespace, job.metadata.name);
  if (after && !finished && isJobFinished(after)) {
    const complete = after.status.conditions!.some((c) => c.type === 'Complete');
    context.events.record(
      after,
      complete ? 'Normal' : 'Warning',
      complete ? 'Completed' : 'BackoffLimitExceeded',
      complete ? 'Job completed' : 'Job has reached the specified backoff limit',
      SOURCE,
      {
        ...(after.status.completionTime ? { at: new Date(after.status.completionTime) } : {}),
      },
    );
  }
}
