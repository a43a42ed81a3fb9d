import { useEffect, useRef, useState } from 'react';

type FocusTarget = 'heading' | 'invalid';

/**
 * The step state of a wizard: the current step, the furthest one reached, the steps whose messages
 * show (the user tried to leave or submit them), and where focus goes after a move: the new step's
 * heading, or the first invalid field. `bodyRef` marks the element holding the heading and fields.
 */
export function useWizard(stepCount: number) {
  const [step, setStep] = useState(0);
  const [reached, setReached] = useState(0);
  // Steps the user tried to leave (or submit): their messages show, and follow edits live.
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  // A counter, so asking twice for the same target moves focus again.
  const [focusRequest, setFocusRequest] = useState<{ to: FocusTarget; n: number }>();
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusRequest || !bodyRef.current) return;
    const target =
      focusRequest.to === 'invalid'
        ? bodyRef.current.querySelector<HTMLElement>('[aria-invalid="true"]')
        : bodyRef.current.querySelector<HTMLElement>('h2');
    target?.focus();
  }, [focusRequest]);

  const requestFocus = (to: FocusTarget) =>
    setFocusRequest((prev) => ({ to, n: (prev?.n ?? 0) + 1 }));
  const goTo = (index: number) => {
    setStep(index);
    setReached((prev) => Math.max(prev, index));
    requestFocus('heading');
  };

  return {
    step,
    reached,
    checked,
    bodyRef,
    goTo,
    /** Leaves the current step: its messages show from now on; moves on only when it is valid. */
    next: (valid: boolean) => {
      setChecked((prev) => new Set([...prev, step]));
      if (valid) goTo(step + 1);
      else requestFocus('invalid');
    },
    /** A submit that found errors: every step's messages show, focus goes to `index`'s first. */
    showInvalid: (index: number) => {
      setChecked(new Set(Array.from({ length: stepCount }, (_, i) => i)));
      setStep(index);
      requestFocus('invalid');
    },
    /** Back to an untouched first step (after a completed submission). */
    reset: () => {
      setChecked(new Set());
      setStep(0);
      setReached(0);
    },
  };
}

/** What `useWizard` returns, for the frame that renders it. */
export type WizardState = ReturnType<typeof useWizard>;
