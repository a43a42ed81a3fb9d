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
  const k = db.kysely;
  const columns = [
    'id',
    'name',
    'created_by',
    'created_at',
    'expires_at',
    'revoked_at',
    'last_used_at',
  ] as const;
  const live = (row: TokenRow | undefined, at: Date): row is TokenRow =>
    !!row && !row.revoked_at && Date.parse(row.expires_at) > at.getTime();
  // A minute's precision is enough for "last used", and spares a write per dashboard refresh.
  const noteUse = async (row: TokenRow, at: Date) => {
    if (!row.last_used_at || at.getTime() - Date.parse(row.last_used_at) > 60_000) {
      await k
        .updateTable('dashboard_tokens')
        .set({ last_used_at: at.toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  };

  const verify = async (token: string): Promise<DashboardToken | undefined> => {
    const row = await k
      .selectFrom('dashboard_tokens')
      .select(columns)
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    const at = now();
    if (!live(row, at)) return undefined;
    await noteUse(row, at);
    return toToken(row);
  };

  return {
    async create(
      name: string,
      createdBy: string,
      expiresInDays: number,
    ): Promise<{ token: string; record: DashboardToken }> {
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
      await k
        .insertInto('dashboard_tokens')
        .values({ ...row, token_hash: hashToken(token) })
        .execute();
      return { token, record: toToken(row) };
    },
    async list(): Promise<DashboardToken[]> {
      const rows = await k
        .selectFrom('dashboard_tokens')
        .select(columns)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toToken);
    },
    async revoke(id: string): Promise<DashboardToken> {
      const { numUpdatedRows } = await k
        .updateTable('dashboard_tokens')
        .set({ revoked_at: now().toISOString() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      const row = await k
        .selectFrom('dashboard_tokens')
        .select(columns)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row || (numUpdatedRows === 0n && !row.revoked_at))
        throw new NotFoundError(`No dashboard token ${id}.`);
      // The wall screens signed in with it end now, on every replica (they read this table).
      await k.deleteFrom('dashboard_sessions').where('token_id', '=', id).execute();
      return toToken(row);
    },
    /** The live token for a secret (not revoked, not expired), noting its use; undefined otherwise. */
    verify,
    /**
     * Opens a wall screen's session for a live token: the cookie then holds a random session id (only
     * its hash is stored), never the token, so a copied cookie is not the secret an admin minted.
     */
    async openSession(token: string): Promise<{ id: string; record: DashboardToken } | undefined> {
      const record = await verify(token);
      if (!record) return undefined;
      const id = randomBytes(32).toString('base64url');
      await k
        .insertInto('dashboard_sessions')
        .values({ id_hash: hashToken(id), token_id: record.id, created_at: now().toISOString() })
        .execute();
      return { id, record };
    },
    /** The live token behind a wall screen's session id; undefined once it is revoked or expired. */
    async verifySession(id: string): Promise<DashboardToken | undefined> {
      const row = await k
        .selectFrom('dashboard_sessions')
        .innerJoin('dashboard_tokens', 'dashboard_tokens.id', 'dashboard_sessions.token_id')
        .select(columns.map((column) => `dashboard_tokens.${column}` as const))
        .where('dashboard_sessions.id_hash', '=', hashToken(id))
        .executeTakeFirst();
      const at = now();
      if (!live(row, at)) return undefined;
      await noteUse(row, at);
      return toToken(row);
    },
  };
}
export type DashboardTokens = ReturnType<typeof createDashboardTokens>;
