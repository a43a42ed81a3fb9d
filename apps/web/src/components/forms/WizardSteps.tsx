import { CheckIcon } from '../Icons.tsx';

/** One step of a wizard: `id` for code, `label` for people. */
export interface WizardStep {
  id: string;
  label: string;
}

/**
 * The steps of a wizard as an ordered list; the current one is marked `aria-current="step"`.
 * Steps already reached are buttons ("Go to step 2: Access & networking"), so the user can go
 * back and correct something without losing what later steps hold.
 */
export function WizardStepList({
  label,
  steps,
  current,
  reached,
  onSelect,
}: {
  label: string;
  steps: readonly WizardStep[];
  current: number;
  /** The furthest step the user got to. */
  reached: number;
  onSelect: (index: number) => void;
}) {
  return (
    <nav aria-label={label}>
      <ol className="flex flex-wrap gap-x-1 gap-y-2 md:flex-col">
        {steps.map((step, index) => {
          const isCurrent = index === current;
          const done = index < reached && !isCurrent;
          const marker = (
            <span
              aria-hidden="true"
              className={`inline-flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold ${
                isCurrent
                  ? 'border-accent bg-accent text-accent-fg'
                  : done
                    ? 'border-success-line bg-success-bg text-success-fg'
                    : 'border-line text-fg-muted'
              }`}
            >
              {done ? <CheckIcon className="size-3.5" /> : index + 1}
            </span>
          );
          const text = <span className={isCurrent ? 'font-semibold' : ''}>{step.label}</span>;
          return (
            <li key={step.id} aria-current={isCurrent ? 'step' : undefined}>
              {index <= reached && !isCurrent ? (
                <button
                  type="button"
                  className="flex items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-surface-muted"
                  aria-label={`Go to step ${index + 1}: ${step.label}`}
                  onClick={() => onSelect(index)}
                >
                  {marker}
                  {text}
                </button>
              ) : (
                <span
                  className={`flex items-center gap-2 px-2 py-1 ${isCurrent ? '' : 'text-fg-muted'}`}
                >
                  {marker}
                  {text}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
