import type { Update } from '@wheelhouse/contract';

/** Whose update history a list is: EKS names its update types the same for both. */
export type UpdateScope = 'cluster' | 'nodegroup';

type Param = Update['params'][number];

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function stringList(value: string): string[] | undefined {
  const parsed = parseJson(value);
  return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')
    ? parsed
    : undefined;
}

const onOff = (value: string) => (value === 'true' ? 'turned on' : 'turned off');

/** "1.34" → "1.33": EKS moves a cluster one minor version at a time, so that is where it came from. */
function previousMinor(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)$/.exec(version);
  if (!match || Number(match[2]) === 0) return undefined;
  return `${match[1]}.${Number(match[2]) - 1}`;
}

const change = (label: string, from: string | undefined, to: string) =>
  from !== undefined && from !== to ? `${label} ${from} → ${to}` : `${label} set to ${to}`;

/** `{"clusterLogging":[{"types":["api"],"enabled":true}]}` → "Logging: api turned on". */
function loggingWords(value: string): string[] | undefined {
  const parsed = parseJson(value) as
    { clusterLogging?: { types?: unknown; enabled?: unknown }[] } | undefined;
  const entries = parsed?.clusterLogging;
  if (!Array.isArray(entries)) return undefined;
  const words: string[] = [];
  for (const entry of entries) {
    if (!Array.isArray(entry.types) || typeof entry.enabled !== 'boolean') return undefined;
    if (entry.types.length === 0) continue;
    words.push(`Logging: ${entry.types.join(', ')} ${entry.enabled ? 'turned on' : 'turned off'}`);
  }
  return words.length > 0 ? words : undefined;
}

function taintWords(value: string): string | undefined {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return undefined;
  const taints = parsed.map((taint: { key?: unknown; value?: unknown; effect?: unknown }) =>
    typeof taint.key === 'string' && typeof taint.effect === 'string'
      ? `${taint.key}${typeof taint.value === 'string' && taint.value ? `=${taint.value}` : ''}:${taint.effect}`
      : undefined,
  );
  return taints.every((taint) => taint !== undefined) ? taints.join(', ') : undefined;
}

function labelWords(value: string): string | undefined {
  const parsed = parseJson(value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  return Object.entries(parsed as Record<string, unknown>)
    .map(([key, label]) => `${key}=${String(label)}`)
    .join(', ');
}

const AUTH_MODES: Record<string, string> = {
  CONFIG_MAP: 'aws-auth ConfigMap only',
  API_AND_CONFIG_MAP: 'EKS API and aws-auth ConfigMap',
  API: 'EKS API only',
};

const SCALING: Record<string, string> = {
  DesiredSize: 'Desired',
  MinSize: 'Minimum',
  MaxSize: 'Maximum',
};

/**
 * One parameter in words, or undefined when its value is not what the sandbox and EKS send (the
 * raw value is shown instead). `earlier` is the value an older update set for the same parameter.
 */
function paramWords(
  update: Update,
  param: Param,
  scope: UpdateScope,
  earlier: (type: string) => string | undefined,
): string[] | undefined {
  const { type, value } = param;
  switch (type) {
    case 'ClusterLogging':
      return loggingWords(value);
    case 'Version':
      return [
        change(
          'Version',
          scope === 'cluster' && update.type === 'VersionUpdate'
            ? previousMinor(value)
            : earlier(type),
          value,
        ),
      ];
    case 'PlatformVersion':
      return [`Platform version ${value}`];
    case 'ReleaseVersion':
      return [change('AMI release', earlier(type), value)];
    case 'DesiredSize':
    case 'MinSize':
    case 'MaxSize':
      return [change(SCALING[type]!, earlier(type), value)];
    case 'Subnets': {
      const list = stringList(value);
      return list && [`Subnets: ${list.join(', ')}`];
    }
    case 'SecurityGroups': {
      const list = stringList(value);
      return list && [`Security groups: ${list.join(', ')}`];
    }
    case 'EndpointPublicAccess':
      return [`Public endpoint ${onOff(value)}`];
    case 'EndpointPrivateAccess':
      return [`Private endpoint ${onOff(value)}`];
    case 'PublicAccessCidrs': {
      const list = stringList(value);
      return list && [`Public access from ${list.join(', ')}`];
    }
    case 'AuthenticationMode':
      return [`Authentication mode: ${AUTH_MODES[value] ?? value}`];
    case 'UpgradePolicy': {
      const supportType = (parseJson(value) as { supportType?: unknown } | undefined)?.supportType;
      if (supportType === 'EXTENDED') return ['Upgrade policy: extended support'];
      if (supportType === 'STANDARD') return ['Upgrade policy: standard support'];
      return undefined;
    }
    case 'ZonalShiftConfig':
      return [`Zonal shift ${onOff(value)}`];
    case 'DeletionProtection':
      return [`Deletion protection ${onOff(value)}`];
    case 'LabelsToAdd': {
      const words = labelWords(value);
      return words === undefined ? undefined : [`Labels added: ${words}`];
    }
    case 'LabelsToRemove': {
      const list = stringList(value);
      return list && [`Labels removed: ${list.join(', ')}`];
    }
    case 'TaintsToAdd': {
      const words = taintWords(value);
      return words === undefined ? undefined : [`Taints added: ${words}`];
    }
    case 'TaintsToRemove': {
      const words = taintWords(value);
      return words === undefined ? undefined : [`Taints removed: ${words}`];
    }
    case 'MaxUnavailable':
      return [`At most ${value} ${value === '1' ? 'node' : 'nodes'} unavailable during updates`];
    case 'MaxUnavailablePercentage':
      return [`At most ${value}% of nodes unavailable during updates`];
    default:
      return undefined;
  }
}

/**
 * An update's parameters in words, one line each ("Logging: authenticator turned on",
 * "Version 1.33 → 1.34", "Desired 3 → 5"). `history` is the whole list the update belongs to: a
 * "from" value comes from the newest older update that succeeded in setting the same parameter
 * (EKS records only the target); without one the line says "set to". A parameter EKS sends in a
 * form this does not know keeps its raw `type=value`, so nothing is hidden.
 */
export function describeUpdateParams(
  update: Update,
  scope: UpdateScope,
  history: readonly Update[] = [],
): string[] {
  const older = history
    .filter(
      (other) =>
        other.id !== update.id &&
        other.status === 'Successful' &&
        (other.createdAt ?? '') < (update.createdAt ?? ''),
    )
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const earlier = (type: string) =>
    older.flatMap((other) => other.params).find((param) => param.type === type)?.value;
  return update.params.flatMap(
    (param) => paramWords(update, param, scope, earlier) ?? [`${param.type}=${param.value}`],
  );
}
