/** The sandbox's environment variables, read in one place. */
export interface SandboxEnv {
  /** JSON array of fault rules, used when startSandbox gets no `faults`. */
  faultsJson?: string;
  /** Time multiplier for transitions, used when startSandbox gets no `speed`. */
  speed?: number;
  /** Port of `npm run sandbox` (default 4510). */
  port?: number;
}

function positiveNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!(parsed > 0)) throw new Error(`${name} must be a positive number, got "${value}"`);
  return parsed;
}

export function readSandboxEnv(env: NodeJS.ProcessEnv = process.env): SandboxEnv {
  const port = env.WHEELHOUSE_SANDBOX_PORT;
  if (port !== undefined && port !== '' && !/^\d{1,5}$/.test(port)) {
    throw new Error(`WHEELHOUSE_SANDBOX_PORT must be a port number, got "${port}"`);
  }
  const speed = positiveNumber('WHEELHOUSE_SANDBOX_SPEED', env.WHEELHOUSE_SANDBOX_SPEED);
  return {
    ...(env.WHEELHOUSE_SANDBOX_FAULTS ? { faultsJson: env.WHEELHOUSE_SANDBOX_FAULTS } : {}),
    ...(speed !== undefined ? { speed } : {}),
    ...(port ? { port: Number(port) } : {}),
  };
}
