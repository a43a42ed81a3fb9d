import { describe, expect, it } from 'vitest';
import { json, problem, stubFetch } from '../test/fetchStub.ts';
import { operatorSession } from '../test/fixtures.ts';
import { ApiError, CSRF_HEADER, apiFetch, setCsrfToken } from './client.ts';

describe('apiFetch', () => {
  it('returns the JSON body of a successful call, sent same-origin with cookies', async () => {
    stubFetch({ 'GET /api/session': () => json(operatorSession) });
    await expect(apiFetch('/api/session', { schema: 'SessionInfo' })).resolves.toEqual(
      operatorSession,
    );
    const [, init] = (fetch as unknown as { mock: { calls: [string, RequestInit][] } }).mock
      .calls[0]!;
    expect(init.credentials).toBe('same-origin');
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const seen = stubFetch({
      'GET /api/clusters': () => json({ items: [], errors: [] }),
      'DELETE /api/session': () => new Response(null, { status: 204 }),
    });
    setCsrfToken('token-1');
    await apiFetch('/api/clusters');
    await expect(apiFetch('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
    expect(seen[0]?.headers.get(CSRF_HEADER)).toBeNull();
    // The header the BFF's guard reads, by its name on the wire.
    expect(seen[1]?.headers.get('x-csrf-token')).toBe('token-1');
  });

  it('throws an ApiError carrying the status and the problem+json body', async () => {
    stubFetch({
      'GET /api/clusters/111111111111/eu-west-1/gone': () =>
        problem(403, 'Forbidden', 'User: arn:aws:iam::111111111111:user/x is not authorized', {
          awsCode: 'AccessDeniedException',
          requestId: 'req-1',
        }),
    });
    const error = await apiFetch('/api/clusters/111111111111/eu-west-1/gone').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      message: 'User: arn:aws:iam::111111111111:user/x is not authorized',
      problem: { awsCode: 'AccessDeniedException', requestId: 'req-1' },
    });
  });

  it('reports a network failure as status 0 with a readable message', async () => {
    stubFetch({ 'GET /api/sources': () => Promise.reject(new TypeError('Failed to fetch')) });
    await expect(apiFetch('/api/sources')).rejects.toMatchObject({
      status: 0,
      message: expect.stringContaining('Cannot reach'),
    });
  });

  it('rejects a response that drifted from the contract (development and tests)', async () => {
    stubFetch({ 'GET /api/session': () => json({ user: 'x', role: 'superuser' }) });
    await expect(apiFetch('/api/session', { schema: 'SessionInfo' })).rejects.toThrow(
      /does not match SessionInfo/,
    );
  });
});
