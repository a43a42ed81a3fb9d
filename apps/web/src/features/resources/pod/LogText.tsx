import type { ReactNode } from 'react';
import type { LogMatch } from './logSearch.ts';

/**
 * The log's lines, with every match marked and the current one set apart (`data-current`, a
 * stronger colour and an outline, so it differs by more than colour). Runs of lines without a
 * match stay one text node, so a long log with a few matches stays cheap to render.
 */
export function LogText({
  lines,
  matches,
  current,
}: {
  lines: readonly string[];
  matches: readonly LogMatch[];
  current: number;
}) {
  if (matches.length === 0) return <>{lines.join('\n')}</>;
  const nodes: ReactNode[] = [];
  let plainFrom = 0;
  let index = 0;
  while (index < matches.length) {
    const line = matches[index]!.line;
    if (line > plainFrom) nodes.push(lines.slice(plainFrom, line).join('\n') + '\n');
    const text = lines[line]!;
    let at = 0;
    for (; index < matches.length && matches[index]!.line === line; index += 1) {
      const match = matches[index]!;
      if (match.start > at) nodes.push(text.slice(at, match.start));
      const isCurrent = index === current;
      nodes.push(
        <mark
          key={index}
          data-current={isCurrent || undefined}
          className={
            isCurrent
              ? 'rounded-sm bg-warning-dot text-black outline-2 outline-accent'
              : 'rounded-sm bg-warning-bg text-fg underline decoration-warning-dot'
          }
        >
          {text.slice(match.start, match.end)}
        </mark>,
      );
      at = match.end;
    }
    nodes.push(text.slice(at) + (line < lines.length - 1 ? '\n' : ''));
    plainFrom = line + 1;
  }
  if (plainFrom < lines.length) nodes.push(lines.slice(plainFrom).join('\n'));
  return <>{nodes}</>;
}
