import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  startIdentityProvider,
  type IdpUser,
  type RunningIdp,
} from '../../apps/bff/src/auth/demoIdentityProvider.ts';

const ROOT = resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** A console of its own (the built bundle, as `npm start` runs it) signing in through `idp`. */
export interface SsoConsole {
  url: string;
  idp: RunningIdp;
  close(): Promise<void>;
}

/**
 * Starts an OpenID provider in the spec's process (not the sandbox's demo one) and a console whose
 * WHEELHOUSE_CONFIG points its `sso` block at it, mapping `roles` groups to roles.
 */
export async function startSsoConsole(options: {
  users: IdpUser[];
  roles: { admin?: string[]; operator?: string[]; auditor?: string[] };
  name: string;
}): Promise<SsoConsole> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const redirectUri = `${url}/api/auth/oidc/callback`;
  const idp = await startIdentityProvider({
    users: options.users,
    clients: [
      {
        clientId: 'wheelhouse-e2e',
        clientSecret: 'e2e-client-secret',
        redirectUris: [redirectUri],
        postLogoutRedirectUris: [`${url}/login`],
      },
    ],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'wheelhouse-sso-e2e-'));
  const config = join(dataDir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      sso: {
        issuer: idp.issuer,
        clientId: 'wheelhouse-e2e',
        clientSecretEnv: 'E2E_OIDC_CLIENT_SECRET',
        redirectUri,
        groupsClaim: 'groups',
        roles: options.roles,
        localUsers: false,
        name: options.name,
      },
    }),
  );
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', join(ROOT, 'apps/bff/dist/main.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        WHEELHOUSE_BACKEND: 'sandbox',
        WHEELHOUSE_PORT: new URL(url).port,
        WHEELHOUSE_DATA_DIR: dataDir,
        WHEELHOUSE_CONFIG: config,
        E2E_OIDC_CLIENT_SECRET: 'e2e-client-secret',
        WHEELHOUSE_LOG_LEVEL: 'warn',
        WHEELHOUSE_EXIT_ON_STDIN_END: '1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((ready, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the console did not start within 60 s')),
      60_000,
    );
    child.once('exit', (code) =>
      reject(new Error(`the console exited during start (code ${code})`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('Wheelhouse is running at')) {
        clearTimeout(timer);
        ready();
      }
    });
  });
  return {
    url,
    idp,
    async close() {
      await new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      await idp.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
