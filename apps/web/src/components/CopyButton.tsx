import { useEffect, useState } from 'react';
import { CheckIcon, CopyIcon } from './Icons.tsx';

/** Writes `text` to the clipboard, falling back to a hidden textarea outside secure contexts. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // The async clipboard exists only in secure contexts; a console on plain HTTP falls back.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    area.remove();
  }
}

/** Copies `text`; its name says what it copies ("Copy ARN"), and a live region confirms the result. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        className="btn-ghost h-7 px-1.5"
        aria-label={label}
        title={label}
        onClick={() => {
          copyText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {state === 'copied' ? <CheckIcon className="size-4 text-success-fg" /> : <CopyIcon />}
      </button>
      <span role="status" className="text-xs text-fg-muted">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}
