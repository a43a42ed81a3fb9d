import { useId } from 'react';
import type { ContainerDetail } from '@wheelhouse/contract';

export const TAIL_CHOICES = [100, 500, 2000] as const;

/** What the log panel reads and how it shows it. */
export interface LogSettings {
  container: string;
  tailLines: number;
  follow: boolean;
  previous: boolean;
  /** Each line prefixed with the time Kubernetes recorded for it. */
  timestamps: boolean;
  /** Long lines wrap (on) or scroll sideways (off). */
  wrap: boolean;
}

function downloadText(text: string, fileName: string) {
  const href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

function Switch({
  label,
  checked,
  disabled = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        role="switch"
        className="size-4 accent-accent"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="font-medium">{label}</span>
    </label>
  );
}

/** The log's options row: which log to read, how much, whether to follow it, and how to show it. */
export function LogOptions({
  containers,
  settings,
  hasPrevious,
  onChange,
  onReload,
  download,
}: {
  containers: ContainerDetail[];
  settings: LogSettings;
  hasPrevious: boolean;
  onChange: (change: Partial<LogSettings>) => void;
  onReload: () => void;
  /** What "Download log" saves; undefined while there is nothing to save. */
  download: { text: string; fileName: string } | undefined;
}) {
  const hintId = useId();
  const { container } = settings;
  const previous = settings.previous && hasPrevious;
  return (
    <div role="group" aria-label="Log options" className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium">Container</span>
        <select
          className="input"
          value={container}
          onChange={(event) => onChange({ container: event.target.value, previous: false })}
        >
          {containers.map((c) => (
            <option key={c.name} value={c.name}>
              {c.init ? `${c.name} (init)` : c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <span className="font-medium">Tail lines</span>
        <select
          className="input"
          value={settings.tailLines}
          onChange={(event) => onChange({ tailLines: Number(event.target.value) })}
        >
          {TAIL_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice.toLocaleString('en')}
            </option>
          ))}
        </select>
      </label>
      <Switch
        label="Follow"
        checked={settings.follow && !previous}
        disabled={previous}
        onChange={(follow) => onChange({ follow })}
      />
      <label
        className="flex items-center gap-2 text-sm"
        title={
          hasPrevious ? undefined : 'This container has not restarted, so there is no previous log'
        }
      >
        <input
          type="checkbox"
          className="size-4 accent-accent"
          checked={previous}
          disabled={!hasPrevious}
          aria-describedby={hintId}
          onChange={(event) => onChange({ previous: event.target.checked })}
        />
        <span className="font-medium">Previous container</span>
      </label>
      <span id={hintId} className="sr-only">
        {hasPrevious
          ? `The log of ${container} before its last restart.`
          : `${container} has not restarted, so there is no previous log.`}
      </span>
      <Switch
        label="Timestamps"
        checked={settings.timestamps}
        onChange={(timestamps) => onChange({ timestamps })}
      />
      <Switch label="Wrap lines" checked={settings.wrap} onChange={(wrap) => onChange({ wrap })} />
      <button type="button" className="btn-secondary" onClick={onReload}>
        Reload
      </button>
      <button
        type="button"
        className="btn-secondary"
        disabled={!download}
        onClick={() => download && downloadText(download.text, download.fileName)}
      >
        Download log
      </button>
    </div>
  );
}
