import { lazy, useState, type ComponentType } from 'react';

/**
 * A component loaded from its own chunk that can also be asked for ahead of time. Once the chunk
 * is in, new instances render it directly instead of through React.lazy: a lazy component
 * suspends on its first render even when its module is already loaded, and React holds a
 * revealed Suspense boundary back for up to 300 ms after its fallback shows. Preloading the tab
 * a URL names while the page's own data loads saves both the chunk's round trip and that wait.
 * The caller still wraps it in <Suspense> for when it was not preloaded.
 */
export function lazyWithPreload<P extends object>(
  load: () => Promise<ComponentType<P>>,
): { Component: ComponentType<P>; preload: () => void } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed chunk (a deploy replaced it, the network dropped) may be asked for again.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await start() }));
  function Component(props: P) {
    // Chosen once per instance: switching from Lazy to the loaded component would remount it.
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return { Component, preload: () => void start().catch(() => undefined) };
}
