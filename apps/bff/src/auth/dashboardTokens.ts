import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DashboardToken } from '@wheelhouse/contract';
import type { Db } from '../db/database.ts';
import { NotFoundError } from '../errors.ts';

interface TokenRow {
  id: string;
  name: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function toToken(row: TokenRow): DashboardToken {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
  };
}

/**
 * Read-only tokens for the wall dashboard: they open the dashboard page and its read API, nothing else.
 * Only a hash is stored; the secret is shown once, when an admin mints it.
 */
export function createDashboardTokens(db: Db, now: () => Date = () => new Date()) {
  return {
    create(
      name: string,
      createdBy: string,
      expiresInDays: number,
    ): { token: string; record: DashboardToken } {
      const token = `whd_${randomBytes(32).toString('base64url')}`;
      const at = now();
      const row: TokenRow = {
        id: randomUUID(),
        name,
        created_by: createdBy,
        created_at: at.toISOString(),
        expires_at: new Date(at.getTime() + expiresInDays * 86_400_000).toISOString(),
        revoked_at: null,
        last_used_at: null,
      };
      db.prepare(
        `INSERT INTO dashboard_tokens (id, name, token_hash, created_by, created_at, expires_at)
         VALUES (@id, @name, @hash, @created_by, @created_at, @expires_at)`,
      ).run({ ...row, hash: hashToken(token) });
      return { token, record: toToken(row) };
    },
    list(): DashboardToken[] {
      return db
        .prepare<[], TokenRow>('SELECT * FROM dashboard_tokens ORDER BY created_at DESC')
        .all()
        .map(toToken);
    },
    revoke(id: string): DashboardToken {
      const { changes } = db
        .prepare('UPDATE dashboard_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(now().toISOString(), id);
      const row = db
        .prepare<[string], TokenRow>('SELECT * FROM dashboard_tokens WHERE id = ?')
        .get(id);
      if (!row || (changes === 0 && !row.revoked_at))
        throw new NotFoundError(`No dashboard token ${id}.`);
      return toToken(row);
    },
    /** The live token for a secret (not revoked, not expired), noting its use; undefined otherwise. */
    verify(token: string): DashboardToken | undefined {
      const row = db
        .prepare<[string], TokenRow>('SELECT * FROM dashboard_tokens WHERE token_hash = ?')
        .get(hashToken(token));
      const at = now();
      if (!row || row.revoked_at || Date.parse(row.expires_at) <= at.getTime()) return undefined;
      // A minute's precision is enough for "last used", and spares a write per dashboard refresh.
      if (!row.last_used_at || at.getTime() - Date.parse(row.last_used_at) > 60_000) {
        db.prepare('UPDATE dashboard_tokens SET last_used_at = ? WHERE id = ?').run(
          at.toISOString(),
          row.id,
        );
      }
      return toToken(row);
    },
  };
}
export type DashboardTokens = ReturnType<typeof createDashboardTokens>;
