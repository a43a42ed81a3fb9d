import { CloseIcon } from '../../../components/Icons.tsx';
import { FieldError, INPUT_CLASSES } from '../../../components/FormField.tsx';

/**
 * A list of short values (CIDR blocks) edited one per input, in a fieldset named by `legend`.
 * Inputs are named "<noun> 1", "<noun> 2"…; `errorAt(index)` puts a message under its input.
 */
export function StringListEditor({
  legend,
  noun,
  values,
  onChange,
  errorAt,
  placeholder,
  hint,
  max,
}: {
  legend: string;
  /** One item, capitalised as it starts a name: "CIDR block". */
  noun: string;
  values: string[];
  onChange: (values: string[]) => void;
  errorAt: (index: number) => string | undefined;
  placeholder?: string;
  hint?: string;
  max?: number;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {hint && <p className="-mt-1 text-xs text-fg-muted">{hint}</p>}
      {values.map((value, index) => {
        const error = errorAt(index);
        return (
          // Index keys: the rows are plain strings, and removing one re-renders the rest in place.
          <div key={index} className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input
                aria-label={`${noun} ${index + 1}`}
                aria-invalid={error ? true : undefined}
                className={`${INPUT_CLASSES} font-mono`}
                placeholder={placeholder}
                value={value}
                onChange={(event) =>
                  onChange(values.map((other, at) => (at === index ? event.target.value : other)))
                }
                autoComplete="off"
                spellCheck={false}
              />
              <button
                type="button"
                className="btn-ghost h-8 shrink-0 px-1.5"
                aria-label={`Remove ${noun} ${index + 1}`}
                onClick={() => onChange(values.filter((_, at) => at !== index))}
              >
                <CloseIcon />
              </button>
            </div>
            {error && <FieldError>{error}</FieldError>}
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="btn-secondary h-7"
          disabled={max !== undefined && values.length >= max}
          onClick={() => onChange([...values, ''])}
        >
          Add {noun}
        </button>
      </div>
    </fieldset>
  );
}
