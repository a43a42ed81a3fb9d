import { lazy, Suspense, useEffect, useState } from 'react';

// The dialog (and the contract's schemas it checks answers with) loads on first use.
const FleetSearchDialog = lazy(() => import('./FleetSearchDialog.tsx'));

/** Typing in a field: `/` is then a character, not the shortcut. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The top bar's search button; `/` or Ctrl-K (⌘K) opens the fleet search from anywhere. */
export function FleetSearch({ className = '' }: { className?: string }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const show = () => {
    setLoaded(true);
    setOpen(true);
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const ctrlK =
        (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !typingIn(event.target);
      if (!ctrlK && !slash) return;
      event.preventDefault();
      setLoaded(true);
      setOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-keyshortcuts="/ Control+K"
        className={`inline-flex h-8 items-center gap-2 rounded-md px-2.5 text-sm font-medium ${className}`}
      >
        Search
        <kbd className="rounded border border-white/25 px-1 text-xs" aria-hidden="true">
          Ctrl K
        </kbd>
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <FleetSearchDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  );
}
