import { describe, expect, it } from 'vitest';
import { openDatabase, pingDatabase } from '../db/database.ts';
import { createOperationsService } from './operations.ts';

describe('readiness', () => {
  it('is not ready, with each reason, when the database is closed or credentials fail', async () => {
    const db = openDatabase(':memory:');
    db.close();
    const operations = createOperationsService({
      pingDatabase: () => pingDatabase(db),
      resolveCredentials: () =>
        Promise.reject(new Error('Could not load credentials from any providers')),
      draining: () => true,
    });
    expect(await operations.readiness()).toEqual({
      status: 'not-ready',
      checks: [
        { name: 'database', ok: false, reason: expect.stringMatching(/^database unreachable/) },
        {
          name: 'aws-credentials',
          ok: false,
          reason:
            'AWS credentials could not be resolved: Could not load credentials from any providers',
        },
        { name: 'shutdown', ok: false, reason: 'the console is shutting down' },
      ],
    });
  });
});
