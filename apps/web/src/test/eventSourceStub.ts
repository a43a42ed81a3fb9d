import { act } from '@testing-library/react';
import { vi } from 'vitest';

type Listener = (event: Event) => void;

/**
 * A stand-in for the browser's EventSource (the network boundary of watch streams). Tests drive
 * it: `open()`, `send(event, id?)` for a `data:` line, `serverError(message)` for the BFF's
 * `event: error`, `drop()` for a lost connection.
 */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly url: string;
  readyState = FakeEventSource.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    url: string | URL,
    private readonly all: FakeEventSource[],
  ) {
    this.url = String(url);
    all.push(this);
  }

  /** The query of the stream's URL. */
  get params(): URLSearchParams {
    return new URL(this.url, 'http://wheelhouse.test').searchParams;
  }

  get closed(): boolean {
    return this.readyState === FakeEventSource.CLOSED;
  }

  addEventListener(type: string, listener: Listener) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: Listener) {
    this.listeners.get(type)?.delete(listener);
  }

  close() {
    this.readyState = FakeEventSource.CLOSED;
  }

  private dispatch(type: string, event: Event) {
    if (this.closed) return;
    if (type === 'open') this.onopen?.(event);
    if (type === 'message') this.onmessage?.(event as MessageEvent<string>);
    if (type === 'error') this.onerror?.(event);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  open() {
    act(() => {
      this.readyState = FakeEventSource.OPEN;
      this.dispatch('open', new Event('open'));
    });
  }

  /** `id` plays the SSE `id:` line (the change's resourceVersion). */
  send(data: unknown, id?: string) {
    act(() =>
      this.dispatch(
        'message',
        new MessageEvent('message', {
          data: JSON.stringify(data),
          ...(id ? { lastEventId: id } : {}),
        }),
      ),
    );
  }

  serverError(message: string) {
    act(() =>
      this.dispatch('error', new MessageEvent('error', { data: JSON.stringify({ message }) })),
    );
  }

  drop() {
    act(() => this.dispatch('error', new Event('error')));
  }
}

/** Replaces global EventSource; returns every stream opened, in order. */
export function stubEventSource(): FakeEventSource[] {
  const all: FakeEventSource[] = [];
  vi.stubGlobal(
    'EventSource',
    class extends FakeEventSource {
      constructor(url: string | URL) {
        super(url, all);
      }
    },
  );
  return all;
}
