/** Lines kept in the browser; a followed log drops its oldest lines beyond this. */
export const MAX_LOG_LINES = 10_000;

/** Complete lines so far, plus the unfinished tail that waits for its newline. */
export interface LogBuffer {
  lines: string[];
  partial: string;
}

export const EMPTY_LOG: LogBuffer = { lines: [], partial: '' };

/** Adds a chunk of streamed text: whole lines join the buffer, the rest waits for the next chunk. */
export function appendLogText(buffer: LogBuffer, text: string, max = MAX_LOG_LINES): LogBuffer {
  const parts = (buffer.partial + text).split('\n');
  const partial = parts.pop() ?? '';
  if (parts.length === 0) return { lines: buffer.lines, partial };
  const lines = buffer.lines.concat(parts);
  return { lines: lines.length > max ? lines.slice(lines.length - max) : lines, partial };
}

/** At the end of the stream, the unfinished tail is a line of its own. */
export function endLog(buffer: LogBuffer, max = MAX_LOG_LINES): LogBuffer {
  return buffer.partial ? appendLogText(buffer, '\n', max) : buffer;
}
