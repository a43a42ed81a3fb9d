/** One occurrence of the search text: its line, and where in that line it starts and ends. */
export interface LogMatch {
  line: number;
  start: number;
  end: number;
}

/** Enough to jump between; a search for "e" in 10,000 lines stops counting here. */
export const MAX_LOG_MATCHES = 5_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every occurrence of `query` in the lines, case-insensitive, in reading order. A RegExp (not
 * toLowerCase) keeps the offsets right for letters whose lower case has another length.
 */
export function findLogMatches(
  lines: readonly string[],
  query: string,
  max = MAX_LOG_MATCHES,
): LogMatch[] {
  if (query === '') return [];
  const pattern = new RegExp(escapeRegExp(query), 'gi');
  const matches: LogMatch[] = [];
  for (let line = 0; line < lines.length && matches.length < max; line += 1) {
    for (const found of lines[line]!.matchAll(pattern)) {
      matches.push({ line, start: found.index, end: found.index + found[0].length });
      if (matches.length >= max) break;
    }
  }
  return matches;
}

/** "3 of 12 matches", "No matches", "1 match"; a capped count says so. */
export function matchCountText(count: number, current: number, max = MAX_LOG_MATCHES): string {
  if (count === 0) return 'No matches';
  const total = count >= max ? `${max.toLocaleString('en')}+` : count.toLocaleString('en');
  return `${(current + 1).toLocaleString('en')} of ${total} ${count === 1 ? 'match' : 'matches'}`;
}
