import type { ReactNode } from 'react';

// Characters that change how text reads without showing themselves: bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and lone UTF-16 surrogates. The console
// refuses them in what users type; names, tags and labels that come from AWS may still hold them.
const HIDDEN =
  /[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const marker = (character: string) =>
  `⟨U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;

/** The text with each hidden control written as ⟨U+202E⟩, for places without markup (titles, labels). */
export function visibleControlsText(text: string): string {
  return text.replace(HIDDEN, marker);
}

/**
 * The text with each hidden control replaced by a visible, distinctly styled ⟨U+202E⟩, so an
 * override cannot reorder what the reader sees (`prod⟨U+202E⟩dorp` instead of a spoofed name).
 */
export function visibleControls(text: string): ReactNode {
  if (text.search(HIDDEN) === -1) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <span
        key={match.index}
        className="mx-px rounded-sm border border-danger-line bg-danger-bg px-0.5 font-mono text-[0.85em] text-danger-fg"
        title="An invisible control character that changes how text reads"
      >
        {marker(match[0])}
      </span>,
    );
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
