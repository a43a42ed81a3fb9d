import type { ConfigMap } from '../objects/types.ts';

/**
 * The kube-system/aws-auth ConfigMap (authentication modes CONFIG_MAP and
 * API_AND_CONFIG_MAP): mapRoles and mapUsers map IAM principals to a
 * Kubernetes user name and groups.
 */

export interface AwsAuthMapping {
  arn: string;
  username: string;
  groups: string[];
}

/** Reads the YAML list of maps aws-auth holds (the subset eksctl and the EKS docs write). */
export function parseMappings(
  yaml: string | undefined,
  arnKey: 'rolearn' | 'userarn',
): AwsAuthMapping[] {
  if (!yaml) return [];
  const mappings: AwsAuthMapping[] = [];
  let current: Record<string, string | string[]> | undefined;
  let listKey: string | undefined;
  const flush = () => {
    const arn = current?.[arnKey];
    if (typeof arn === 'string') {
      const groups = current?.groups;
      mappings.push({
        arn,
        username: typeof current?.username === 'string' ? current.username : arn,
        groups: Array.isArray(groups) ? groups : [],
      });
    }
  };
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '') continue;
    const item = /^(\s*)-\s+(.*)$/.exec(line);
    if (item && listKey && current && item[1]!.length > 2) {
      (current[listKey] as string[]).push(unquote(item[2]!));
      continue;
    }
    const body = item ? item[2]! : line.trim();
    if (item) {
      flush();
      current = {};
      listKey = undefined;
    }
    const pair = /^([A-Za-z]+):\s*(.*)$/.exec(body);
    if (!pair || !current) continue;
    const [, key, value] = pair as unknown as [string, string, string];
    if (value === '') {
      current[key] = [];
      listKey = key;
    } else if (value.startsWith('[')) {
      current[key] = value
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map(unquote)
        .filter(Boolean);
      listKey = undefined;
    } else {
      current[key] = unquote(value);
      listKey = undefined;
    }
  }
  flush();
  return mappings;
}

function unquote(text: string): string {
  return text.trim().replace(/^(['"])(.*)\1$/, '$2');
}

/** Writes mappings back as aws-auth's YAML. */
export function formatMappings(mappings: AwsAuthMapping[], arnKey: 'rolearn' | 'userarn'): string {
  return mappings
    .map(
      (mapping) =>
        `- ${arnKey}: ${mapping.arn}\n  username: ${mapping.username}\n  groups:\n${mapping.groups
          .map((group) => `    - ${group}`)
          .join('\n')}\n`,
    )
    .join('');
}

/** The mapping for a principal (role mappings match the role ARN of a session). */
export function findMapping(
  configMap: ConfigMap | undefined,
  principalArn: string,
): AwsAuthMapping | undefined {
  if (!configMap) return undefined;
  const all = [
    ...parseMappings(configMap.data?.mapRoles, 'rolearn'),
    ...parseMappings(configMap.data?.mapUsers, 'userarn'),
  ];
  return all.find((mapping) => mapping.arn === principalArn);
}
