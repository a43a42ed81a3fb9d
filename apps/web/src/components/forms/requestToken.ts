import { useRef } from 'react';

/** A fresh EKS clientRequestToken (a UUID; 36 characters of [0-9a-f-]). */
export function newRequestToken(): string {
  // randomUUID exists only in secure contexts; a console served over plain HTTP still needs tokens.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The idempotency token of one dialog: made when the dialog opens and sent again with every retry
 * of the same submission (a double click, "try again" after a lost answer), so EKS applies it at
 * most once. When the user changes the values after a failure, that is a new request: it gets a
 * new token, because EKS refuses a token reused with different parameters.
 * Returns `tokenFor(payload)`; the payload is the request without its token.
 */
export function useRequestToken(): (payload: unknown) => string {
  const state = useRef<{ token: string; payload: string | undefined } | null>(null);
  state.current ??= { token: newRequestToken(), payload: undefined };
  return (payload: unknown) => {
    const current = state.current!;
    const key = JSON.stringify(payload);
    if (current.payload !== undefined && current.payload !== key) {
      current.token = newRequestToken();
    }
    current.payload = key;
    return current.token;
  };
}
