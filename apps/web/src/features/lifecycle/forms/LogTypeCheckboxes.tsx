import { LOG_TYPES, type LogType } from '@wheelhouse/contract';
import { LOG_TYPE_LABELS } from '@wheelhouse/contract/constants';

/** One checkbox per control-plane log type, named by the type ("API server", "Audit"…). */
export function LogTypeCheckboxes({
  legend,
  selected,
  onChange,
}: {
  legend: string;
  selected: readonly LogType[];
  onChange: (types: LogType[]) => void;
}) {
  const on = new Set(selected);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {LOG_TYPES.map((type) => (
        <label key={type} className="flex cursor-pointer items-center gap-2">
          <input
            type="checkbox"
            className="size-4 accent-accent"
            checked={on.has(type)}
            onChange={(event) =>
              onChange(
                LOG_TYPES.filter((other) =>
                  other === type ? event.target.checked : on.has(other),
                ),
              )
            }
          />
          <span>{LOG_TYPE_LABELS[type]}</span>
          <code className="text-xs text-fg-muted">{type}</code>
        </label>
      ))}
    </fieldset>
  );
}
