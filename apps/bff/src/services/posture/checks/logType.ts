import type { LogType } from '@wheelhouse/contract';
import {
  clusterArgs,
  clusterFailure,
  defineCheck,
  eksManaged,
  type PostureCheckDef,
} from '../check.ts';

/** A check that one control-plane log type is sent to CloudWatch Logs. */
export function logTypeCheck(
  type: LogType,
  spec: Pick<PostureCheckDef, 'id' | 'title' | 'severity' | 'source'>,
): PostureCheckDef {
  return defineCheck({
    ...spec,
    evaluate(facts) {
      if (!eksManaged(facts)) return undefined;
      return clusterFailure(
        facts,
        !facts.cluster.enabledLogTypes.includes(type),
        `The ${type} log of the control plane is off.`,
        `aws eks update-cluster-config ${clusterArgs(facts)} --logging '{"clusterLogging":[{"types":["${type}"],"enabled":true}]}'`,
      );
    },
  });
}
