import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ClientRequestToken } from '@wheelhouse/contract';
import { newRequestToken, useRequestToken } from './requestToken.ts';

describe('newRequestToken', () => {
  it('makes a UUID that EKS accepts as a clientRequestToken', () => {
    expect(ClientRequestToken.safeParse(newRequestToken()).success).toBe(true);
  });

  it('still works where crypto.randomUUID is missing (plain-HTTP consoles)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const token = newRequestToken();
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newRequestToken()).not.toBe(token);
  });
});

describe('useRequestToken', () => {
  it('repeats the token for the same payload and changes it for a different one', () => {
    const { result, rerender } = renderHook(() => useRequestToken());
    const first = result.current({ desiredSize: 2 });
    rerender();
    expect(result.current({ desiredSize: 2 })).toBe(first);
    const second = result.current({ desiredSize: 3 });
    expect(second).not.toBe(first);
    expect(result.current({ desiredSize: 3 })).toBe(second);
  });

  it('gives each mounted dialog its own token', () => {
    const a = renderHook(() => useRequestToken()).result.current({ x: 1 });
    const b = renderHook(() => useRequestToken()).result.current({ x: 1 });
    expect(a).not.toBe(b);
  });
});
