import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * Storage for the demo identity provider: in this process's memory, gone at restart, which is what a
 * demo provider wants (oidc-provider's own memory store is the same, but announces itself at start
 * as unfit for production). One store per provider, so two providers in one process stay apart.
 */
export function memoryAdapterFactory(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const index = new Map<string, string>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (entries.size > 1000) for (const at of [...entries.keys()]) live(at);
        const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
        entries.set(key(id), { payload, expiresAt });
        if (payload.uid) index.set(`uid:${payload.uid}`, key(id));
        if (payload.userCode) index.set(`userCode:${payload.userCode}`, key(id));
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        const at = index.get(`uid:${uid}`);
        return at ? live(at) : undefined;
      },
      async findByUserCode(userCode) {
        const at = index.get(`userCode:${userCode}`);
        return at ? live(at) : undefined;
      },
      async consume(id) {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        // Every token and code of the grant goes, whichever model holds it.
        for (const [at, entry] of entries) {
          if (entry.payload.grantId === grantId) entries.delete(at);
        }
      },
    };
  };
}
