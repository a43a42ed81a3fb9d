import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SubmitError } from '../SubmitError.tsx';
import type { WizardState } from './useWizard.ts';
import { WizardStepList, type WizardStep } from './WizardSteps.tsx';

const NAV_WIDTHS = { narrow: 'md:grid-cols-[12rem_1fr]', wide: 'md:grid-cols-[14rem_1fr]' };

/**
 * A wizard page's body: the step list beside a form named `label` that shows one step ("Step 2
 * of 4: Tags") with Cancel, Back and Next; on the last step Next becomes the submit button, and a
 * failed submission shows above the buttons.
 */
export function WizardForm({
  label,
  steps,
  wizard,
  navWidth,
  cancelTo,
  onNext,
  onSubmit,
  pending,
  submitLabel,
  pendingLabel,
  submitError,
  nextDisabled = false,
  children,
}: {
  /** Names the form; the step list is "<label> steps". */
  label: string;
  steps: readonly WizardStep[];
  wizard: WizardState;
  navWidth: keyof typeof NAV_WIDTHS;
  /** Where Cancel leads. */
  cancelTo: string;
  onNext: () => void;
  onSubmit: () => void;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** The submission's error, if any (shown on the last step only). */
  submitError: unknown;
  nextDisabled?: boolean;
  /** The current step's fields. */
  children: ReactNode;
}) {
  const { step } = wizard;
  const last = step === steps.length - 1;
  return (
    <div className={`grid gap-6 ${NAV_WIDTHS[navWidth]}`}>
      <WizardStepList
        label={`${label} steps`}
        steps={steps}
        current={step}
        reached={wizard.reached}
        onSelect={wizard.goTo}
      />
      <form
        noValidate
        aria-label={label}
        className="card flex min-w-0 flex-col gap-4 p-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (last) onSubmit();
          else onNext();
        }}
      >
        <div ref={wizard.bodyRef} className="flex flex-col gap-4">
          <h2 tabIndex={-1} className="text-base font-semibold">
            Step {step + 1} of {steps.length}: {steps[step]?.label}
          </h2>
          {children}
        </div>
        {last && submitError != null && <SubmitError error={submitError} />}
        <div className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
          <Link to={cancelTo} className="btn-ghost no-underline">
            Cancel
          </Link>
          <div className="ml-auto flex gap-2">
            {step > 0 && (
              <button
                type="button"
                className="btn-secondary"
                onClick={() => wizard.goTo(step - 1)}
                disabled={pending}
              >
                Back
              </button>
            )}
            {last ? (
              <button type="submit" className="btn-primary" disabled={pending}>
                {pending ? pendingLabel : submitLabel}
              </button>
            ) : (
              <button type="submit" className="btn-primary" disabled={nextDisabled}>
                Next
              </button>
            )}
          </div>
        </div>
      </form>
    </div>
  );
}
