import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@wheelhouse/contract';
import { createAuditLog } from '../audit/auditLog.ts';
import { openDatabase } from '../db/database.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

// More than a page may hold (5,000): the export used to stop there without a word.
const ENTRIES = 6_200;

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-audit-export-'));
  c = await startConsoleOnSandbox({ world: 'empty' }, { WHEELHOUSE_DATA_DIR: dataDir });
  // The log a long-running console accumulates, written to its own database file.
  const db = openDatabase(dataDir);
  const audit = createAuditLog(db);
  for (let i = 0; i < ENTRIES; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, ENTRIES - i) }, (_, j) =>
        audit.record(
          {
            user: (i + j) % 2 ? 'ana' : 'ben',
            role: 'operator',
            action: 'nodegroup.scale',
            target: `ng-${i + j}`,
          },
          { outcome: 'success' },
        ),
      ),
    );
  }
  await db.close();
}, 120_000);
afterAll(async () => {
  await c?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the audit export', () => {
  it('holds every matching entry as CSV, past the 5,000 a page holds', async () => {
    const auditor = await c.signIn('auditor');
    const response = await auditor.request('GET', '/api/audit?action=nodegroup.scale&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?wheelhouse-audit-.*\.csv"?$/,
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,at,user,/);
    expect(lines.length - 1).toBe(ENTRIES);
    // Newest first, none twice.
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(new Set(ids).size).toBe(ENTRIES);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('holds every matching entry as JSON, with the filters applied', async () => {
    const auditor = await c.signIn('auditor');
    const response = await auditor.request(
      'GET',
      '/api/audit?action=nodegroup.scale&user=ana&format=json',
    );
    expect(response.status).toBe(200);
    const entries = (await response.json()) as AuditEntry[];
    expect(entries).toHaveLength(ENTRIES / 2);
    expect(entries.every((entry) => entry.user === 'ana')).toBe(true);
  });

  it('gives an operator only their own entries, however many the log holds', async () => {
    const operator = await c.signIn('operator');
    const response = await operator.request('GET', '/api/audit?format=json');
    const entries = (await response.json()) as AuditEntry[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((entry) => entry.user === 'operator')).toBe(true);
  });
});
