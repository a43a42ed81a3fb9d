import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The parts of a botocore service model the conformance checks read. */
export interface ServiceModel {
  metadata: { protocol: string };
  operations: Record<
    string,
    {
      name: string;
      http: { method: string; requestUri: string };
      output?: { shape: string; resultWrapper?: string };
      errors?: Array<{ shape: string }>;
    }
  >;
  shapes: Record<string, Shape>;
}

export interface Shape {
  type: string;
  members?: Record<string, { shape: string; location?: string; locationName?: string }>;
  required?: string[];
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  timestampFormat?: string;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number };
}

const FALLBACK_DATA = '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/botocore/data';

/** botocore's data directory: asked of python3, else the path our machines use. */
export function botocoreDataDir(): string | undefined {
  const asked = spawnSync(
    'python3',
    ['-c', 'import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),"data"))'],
    { encoding: 'utf8', timeout: 15_000 },
  );
  const fromPython = asked.status === 0 ? asked.stdout.trim() : '';
  for (const candidate of [fromPython, FALLBACK_DATA]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function loadServiceModel(dataDir: string, service: string, version: string): ServiceModel {
  const path = join(dataDir, service, version, 'service-2.json.gz');
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ServiceModel;
}

/**
 * A missing reference (botocore, the aws CLI) fails the test on CI and
 * locally, unless WHEELHOUSE_ALLOW_MISSING_BOTOCORE=1 lets a local run go on;
 * either way the message is loud. Returns true when the test may proceed
 * without the reference.
 */
export function allowMissingReference(what: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const banner = `\n*** ${what} NOT FOUND: the sandbox's wire conformance is NOT being checked. ***\n`;
  if (env.CI === 'true')
    throw new Error(`${banner}CI=true: install botocore / the aws CLI (pip install awscli).`);
  if (env.WHEELHOUSE_ALLOW_MISSING_BOTOCORE === '1') {
    console.warn(
      `${banner}WHEELHOUSE_ALLOW_MISSING_BOTOCORE=1 lets this local run pass without it.`,
    );
    return true;
  }
  throw new Error(
    `${banner}Install it, or set WHEELHOUSE_ALLOW_MISSING_BOTOCORE=1 for a local run without it.`,
  );
}
