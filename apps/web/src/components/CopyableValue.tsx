import { CopyButton } from './CopyButton.tsx';

const SIZES = { xs: 'text-xs', sm: 'text-sm' } as const;

/** A value in monospace followed by its copy button (named by `copyLabel`), wrapping as one. */
export function CopyableValue({
  text,
  copyLabel,
  size = 'xs',
}: {
  text: string;
  copyLabel: string;
  size?: keyof typeof SIZES;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <code className={`font-mono ${SIZES[size]} break-all`}>{text}</code>
      <CopyButton text={text} label={copyLabel} />
    </span>
  );
}
