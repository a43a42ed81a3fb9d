import { seededRandom, type Random } from '../world/random.ts';

/** A fault to inject into matching AWS calls. Unset matchers match everything. */
export interface FaultRule {
  /**
   * Signing name of the service: "eks", "sts", "ec2", "autoscaling"; or "kubernetes" for the
   * clusters' Kubernetes APIs, which only rules naming it apply to (a fleet-wide AWS latency rule
   * leaves them alone).
   */
  service?: string;
  /** Operation name, e.g. "ListClusters"; for "kubernetes", the HTTP method (GET, POST, ...). */
  operation?: string;
  region?: string;
  accountId?: string;
  /** Cluster name: only the Kubernetes API of that cluster ("kubernetes" rules). */
  cluster?: string;
  /** Delay before the call is answered. */
  latencyMs?: number;
  /** Share of matching calls (0..1) answered with the service's throttling error. */
  throttleRate?: number;
  /** Share of matching calls (0..1) answered with an error; 1 when an errorCode/errorStatus is given alone. */
  errorRate?: number;
  errorCode?: string;
  errorStatus?: number;
  errorMessage?: string;
  /** Apply at most this many times, then the rule is spent. */
  times?: number;
}

/** What the sandbox exposes to change faults at run time. */
export interface FaultController {
  set(rules: FaultRule[]): void;
  add(rule: FaultRule): void;
  clear(): void;
  /** The rules in force, with `times` counting down. */
  list(): FaultRule[];
}

/** The outcome of the matching rules for one call. */
export interface FaultDecision {
  latencyMs: number;
  throttle: boolean;
  error?: { code?: string; status?: number; message?: string };
}

/** The call a decision is made for. */
export interface FaultTarget {
  service: string;
  operation: string;
  region: string;
  accountId: string;
  /** Set for Kubernetes API requests. */
  cluster?: string;
}

const MATCHERS = ['service', 'operation', 'region', 'accountId', 'cluster'] as const;

function rate(rule: FaultRule, name: 'throttleRate' | 'errorRate', value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0 && value <= 1))) {
    throw new Error(`fault rule ${JSON.stringify(rule)}: ${name} must be a number from 0 to 1`);
  }
}

/** Checks a rule read from JSON (admin API, env); throws an Error naming the bad member. */
export function validateFaultRule(input: unknown): FaultRule {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw new Error('a fault rule must be a JSON object');
  }
  const rule = input as Record<string, unknown>;
  const known = new Set<string>([
    ...MATCHERS,
    'latencyMs',
    'throttleRate',
    'errorRate',
    'errorCode',
    'errorStatus',
    'errorMessage',
    'times',
  ]);
  for (const key of Object.keys(rule)) {
    if (!known.has(key)) throw new Error(`fault rule: unknown member "${key}"`);
  }
  for (const key of [...MATCHERS, 'errorCode', 'errorMessage'] as const) {
    if (rule[key] !== undefined && typeof rule[key] !== 'string') {
      throw new Error(`fault rule: ${key} must be a string`);
    }
  }
  const typed = rule as FaultRule;
  rate(typed, 'throttleRate', rule.throttleRate);
  rate(typed, 'errorRate', rule.errorRate);
  if (
    rule.latencyMs !== undefined &&
    (typeof rule.latencyMs !== 'number' || !(rule.latencyMs >= 0 && rule.latencyMs <= 120_000))
  ) {
    throw new Error('fault rule: latencyMs must be a number from 0 to 120000');
  }
  if (
    rule.errorStatus !== undefined &&
    (!Number.isInteger(rule.errorStatus) ||
      (rule.errorStatus as number) < 400 ||
      (rule.errorStatus as number) > 599)
  ) {
    throw new Error('fault rule: errorStatus must be an HTTP error status (400-599)');
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || (rule.times as number) < 1)) {
    throw new Error('fault rule: times must be a positive integer');
  }
  return { ...typed };
}

/**
 * Holds the fault rules and decides, call by call, what to inject. Draws come
 * from a seeded generator so a test run with error rates is reproducible.
 */
export class FaultInjector implements FaultController {
  private rules: FaultRule[] = [];
  private readonly random: Random;

  constructor(initial: FaultRule[] = [], seed = 'faults') {
    this.random = seededRandom(seed);
    this.set(initial);
  }

  set(rules: FaultRule[]): void {
    this.rules = rules.map(validateFaultRule);
  }

  add(rule: FaultRule): void {
    this.rules.push(validateFaultRule(rule));
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  decide(target: FaultTarget): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, throttle: false };
    for (const rule of this.rules) {
      if (target.service === 'kubernetes' && rule.service !== 'kubernetes') continue;
      if (MATCHERS.some((key) => rule[key] !== undefined && rule[key] !== target[key])) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      let fired = false;
      if (rule.latencyMs) {
        decision.latencyMs += rule.latencyMs;
        fired = true;
      }
      if (!decision.throttle && !decision.error) {
        if (rule.throttleRate !== undefined && this.random.next() < rule.throttleRate) {
          decision.throttle = true;
          fired = true;
        } else {
          const errorRate =
            rule.errorRate ??
            (rule.errorCode !== undefined || rule.errorStatus !== undefined ? 1 : 0);
          if (errorRate > 0 && this.random.next() < errorRate) {
            decision.error = {
              ...(rule.errorCode !== undefined ? { code: rule.errorCode } : {}),
              ...(rule.errorStatus !== undefined ? { status: rule.errorStatus } : {}),
              ...(rule.errorMessage !== undefined ? { message: rule.errorMessage } : {}),
            };
            fired = true;
          }
        }
      }
      if (fired && rule.times !== undefined) rule.times -= 1;
    }
    // Spent rules leave the list, so list() shows what is still in force.
    this.rules = this.rules.filter((rule) => rule.times === undefined || rule.times > 0);
    return decision;
  }
}

/** Parses WHEELHOUSE_SANDBOX_FAULTS (a JSON array of rules). */
export function parseFaultsJson(text: string): FaultRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`WHEELHOUSE_SANDBOX_FAULTS is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw new Error('WHEELHOUSE_SANDBOX_FAULTS must be a JSON array of fault rules');
  return parsed.map(validateFaultRule);
}
