import { AwsError } from '../awsError.ts';

/** One page of a list call. */
export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

const collator = new Intl.Collator('en', { numeric: true });

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', 400, message);
}

export function validateMaxResults(maxResults: number | undefined, max: number): void {
  if (maxResults === undefined) return;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > max) {
    const bound = maxResults < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`;
    throw invalid(
      `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
}

/**
 * Pages `items` by key. The token is opaque to clients (base64url JSON of the
 * last key returned), so pages stay stable while items are added or removed.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => string,
  request: PageRequest,
  options: { max?: number; order?: 'asc' | 'desc' } = {},
): Page<T> {
  const max = options.max ?? 100;
  validateMaxResults(request.maxResults, max);
  const direction = options.order === 'desc' ? -1 : 1;
  const sorted = [...items].sort((a, b) => direction * collator.compare(keyOf(a), keyOf(b)));
  let start = 0;
  if (request.nextToken !== undefined) {
    const after = decodeToken(request.nextToken);
    start = sorted.findIndex((item) => direction * collator.compare(keyOf(item), after) > 0);
    if (start === -1) start = sorted.length;
  }
  const size = request.maxResults ?? max;
  const page = sorted.slice(start, start + size);
  const last = page[page.length - 1];
  return start + size < sorted.length && last !== undefined
    ? { items: page, nextToken: encodeToken(keyOf(last)) }
    : { items: page };
}

function encodeToken(key: string): string {
  return Buffer.from(JSON.stringify({ after: key })).toString('base64url');
}

function decodeToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { after?: unknown }).after === 'string'
    ) {
      return (parsed as { after: string }).after;
    }
  } catch {
    // fall through: any token we did not issue is invalid
  }
  throw invalid('The nextToken provided is invalid.');
}
