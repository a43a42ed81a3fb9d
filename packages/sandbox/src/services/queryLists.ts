/**
 * Lists and structures in Query-protocol parameters. EC2 flattens lists as
 * `InstanceId.1`, `Filter.1.Value.2`; Auto Scaling (awsQuery) as
 * `AutoScalingGroupNames.member.1`, `Filters.member.1.Values.member.2`.
 */

/** A name/values filter, as both protocols send it. */
export interface QueryFilter {
  name: string;
  values: string[];
}

/** The indices N of `${prefix}.N` (or `${prefix}.N.rest`) keys, sorted. */
function indices(params: Record<string, string>, prefix: string): number[] {
  const found = new Set<number>();
  const head = `${prefix}.`;
  for (const key of Object.keys(params)) {
    if (!key.startsWith(head)) continue;
    const index = Number(key.slice(head.length).split('.')[0]);
    if (Number.isInteger(index) && index > 0) found.add(index);
  }
  return [...found].sort((a, b) => a - b);
}

/** `${prefix}.1`, `${prefix}.2`, ... (EC2) or `${prefix}.member.1`, ... (awsQuery). */
export function queryList(
  params: Record<string, string>,
  prefix: string,
  style: 'ec2' | 'member',
): string[] {
  const base = style === 'member' ? `${prefix}.member` : prefix;
  return indices(params, base)
    .map((index) => params[`${base}.${index}`])
    .filter((value): value is string => value !== undefined);
}

/** EC2's `Filter.N.Name` / `Filter.N.Value.M`. */
export function ec2Filters(params: Record<string, string>): QueryFilter[] {
  return indices(params, 'Filter').map((index) => ({
    name: params[`Filter.${index}.Name`] ?? '',
    values: queryList(params, `Filter.${index}.Value`, 'ec2'),
  }));
}

/** awsQuery's `Filters.member.N.Name` / `Filters.member.N.Values.member.M`. */
export function memberFilters(params: Record<string, string>): QueryFilter[] {
  return indices(params, 'Filters.member').map((index) => ({
    name: params[`Filters.member.${index}.Name`] ?? '',
    values: queryList(params, `Filters.member.${index}.Values`, 'member'),
  }));
}

/**
 * EC2 filter values may hold wildcards: `*` any run, `?` one character; a backslash
 * escapes. Returns a matcher compiled once (plain values compare as strings).
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  if (!/[*?\\]/.test(pattern)) return (value) => value === pattern;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]!);
    else if (char === '*') source += '[\\s\\S]*';
    else if (char === '?') source += '[\\s\\S]';
    else source += escapeRegex(char);
  }
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}

function escapeRegex(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** One page of `items` after the opaque token, keyed by a unique string (keyset paging). */
export function keysetPage<T>(
  items: T[],
  keyOf: (item: T) => string,
  request: { size: number | undefined; token: string | undefined },
  invalidToken: () => Error,
): { items: T[]; nextToken?: string } {
  const sorted = [...items].sort((a, b) =>
    keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0,
  );
  let start = 0;
  if (request.token !== undefined) {
    const after = decodeToken(request.token);
    if (after === undefined) throw invalidToken();
    start = sorted.findIndex((item) => keyOf(item) > after);
    if (start === -1) start = sorted.length;
  }
  const size = request.size ?? sorted.length;
  const page = sorted.slice(start, start + size);
  const last = page[page.length - 1];
  return start + size < sorted.length && last !== undefined
    ? {
        items: page,
        nextToken: Buffer.from(JSON.stringify({ after: keyOf(last) })).toString('base64url'),
      }
    : { items: page };
}

function decodeToken(token: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    const after = (parsed as { after?: unknown } | null)?.after;
    return typeof after === 'string' ? after : undefined;
  } catch {
    return undefined;
  }
}
