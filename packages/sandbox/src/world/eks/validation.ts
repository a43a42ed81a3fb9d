import { eksErrors } from './eksErrors.ts';
import { LOG_TYPES, type LogType } from './types.ts';

/** Value checks EKS applies to request members, with its messages. */

const NAME_PATTERN = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;

function constraint(value: unknown, member: string, rule: string) {
  return eksErrors.invalidParameter(
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${rule}`,
  );
}

/** Cluster, node group and Fargate profile names share EKS's name rule. */
export function validateResourceName(name: string, member: string): void {
  if (name.length < 1 || name.length > 100) {
    throw constraint(name, member, 'Member must have length between 1 and 100');
  }
  if (!NAME_PATTERN.test(name)) {
    throw constraint(
      name,
      member,
      'Member must satisfy regular expression pattern: ^[0-9A-Za-z][A-Za-z0-9\\-_]*',
    );
  }
}

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export function validateRoleArn(roleArn: string, member: string): void {
  if (!ROLE_ARN.test(roleArn)) {
    throw eksErrors.invalidParameter(`The ${member} '${roleArn}' is not a valid IAM role ARN.`);
  }
}

/** Tag rules shared by Create* and TagResource; `makeError` picks the error type the operation uses. */
export function validateTags(
  tags: Record<string, string>,
  makeError: (message: string) => Error = (message) => eksErrors.invalidParameter(message),
): void {
  const entries = Object.entries(tags);
  if (entries.length > 50) throw makeError('The number of tags exceeds the limit of 50.');
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > 128)
      throw makeError(`Tag key '${key}' must be 1 to 128 characters.`);
    if (value.length > 256) throw makeError(`Tag value of '${key}' exceeds 256 characters.`);
    if (key.toLowerCase().startsWith('aws:')) {
      throw makeError(`Tag keys starting with 'aws:' are reserved for AWS use: ${key}`);
    }
  }
}

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; undefined when it is not a valid IPv4 CIDR block. */
export function parseCidr(cidr: string): { address: number; prefix: number } | undefined {
  const match = IPV4_CIDR.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  return { address, prefix };
}

export function validatePublicAccessCidrs(cidrs: string[]): void {
  if (cidrs.length > 40) {
    throw eksErrors.invalidParameter(
      'The number of public access CIDR blocks exceeds the limit of 40.',
    );
  }
  for (const cidr of cidrs) {
    if (!parseCidr(cidr) && cidr !== '::/0') {
      throw eksErrors.invalidParameter(
        `The following CIDRs are invalid in publicAccessCidrs: [${cidr}]`,
      );
    }
  }
}

/** Service CIDR: private range, /12 to /24 (EKS's rule). */
export function validateServiceCidr(cidr: string): void {
  const parsed = parseCidr(cidr);
  const inRange = (base: string, prefix: number) => {
    const net = parseCidr(`${base}/${prefix}`)!;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return parsed !== undefined && (parsed.address & mask) >>> 0 === net.address;
  };
  if (
    !parsed ||
    parsed.prefix < 12 ||
    parsed.prefix > 24 ||
    !(inRange('10.0.0.0', 8) || inRange('172.16.0.0', 12) || inRange('192.168.0.0', 16))
  ) {
    throw eksErrors.invalidParameter(
      `Invalid serviceIpv4Cidr ${cidr}: it must be within 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 and between /12 and /24.`,
    );
  }
}

/** The logging member of Create/UpdateClusterConfig. */
export interface LoggingInput {
  clusterLogging?: Array<{ types?: string[]; enabled?: boolean }>;
}

/** Applies a logging request to the enabled set; returns the new set. */
export function applyLogging(current: Set<LogType>, logging: LoggingInput): Set<LogType> {
  const next = new Set(current);
  for (const setup of logging.clusterLogging ?? []) {
    for (const type of setup.types ?? []) {
      if (!(LOG_TYPES as readonly string[]).includes(type)) {
        throw eksErrors.invalidParameter(
          `Invalid log type: ${type}. Valid types are ${LOG_TYPES.join(', ')}.`,
        );
      }
      if (setup.enabled === false) next.delete(type as LogType);
      else next.add(type as LogType);
    }
  }
  return next;
}

export function validateSubnetIds(subnetIds: string[], member = 'subnetIds'): void {
  for (const id of subnetIds) {
    if (!/^subnet-[0-9a-f]{8,17}$/.test(id)) {
      throw eksErrors.invalidParameter(`The subnet ID '${id}' in ${member} is not valid.`);
    }
  }
}
