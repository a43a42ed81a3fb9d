import type { Role } from '@wheelhouse/contract';
import { TooManyRequestsError } from '../errors.ts';
import type { HashQueue } from './hashQueue.ts';
import type { LoginThrottle } from './loginThrottle.ts';
import type { TrustedDevices } from './trustedDevices.ts';
import type { UserDirectory } from './users.ts';

/** A password sign-in as the browser sent it. */
export interface PasswordAttempt {
  username: string;
  password: string;
  /** The client's address, as the socket shows it. */
  address: string | undefined;
  /** The browser's device cookie, when it has one. */
  deviceToken: string | undefined;
}

/** What a checked attempt came to. */
export type PasswordOutcome =
  { ok: true; user: { name: string; role: Role }; knownDevice: boolean } | { ok: false };

/**
 * Checks a password the way an attacker cannot turn against the console: the throttle slot is
 * reserved first, then the hash waits for the bounded queue. Throws TooManyRequestsError (with
 * Retry-After) when either says no.
 */
export function createPasswordSignIn(deps: {
  users: UserDirectory;
  throttle: LoginThrottle;
  hashQueue: HashQueue;
  devices: TrustedDevices;
}) {
  return async (attempt: PasswordAttempt): Promise<PasswordOutcome> => {
    const device = await deps.devices.verify(attempt.deviceToken, attempt.username);
    // The slot is taken before the hash, so parallel guesses are counted as they start.
    const reservation = await deps.throttle.reserve(attempt.username, attempt.address, device);
    if ('retryAfter' in reservation) {
      const wait = reservation.retryAfter;
      throw new TooManyRequestsError(
        `Too many failed sign-ins; try again in ${wait} seconds.`,
        wait,
      );
    }
    let user: Awaited<ReturnType<UserDirectory['authenticate']>>;
    try {
      user = await deps.hashQueue.run(
        () => deps.users.authenticate(attempt.username, attempt.password),
        { first: device !== undefined },
      );
    } catch (error) {
      // Refused by the queue (or failed) before the password was judged: not a guess.
      await reservation.cancel();
      throw error;
    }
    if (!user) return { ok: false };
    await reservation.succeeded();
    return { ok: true, user, knownDevice: device !== undefined };
  };
}
/** Checks one password sign-in. */
export type PasswordSignIn = ReturnType<typeof createPasswordSignIn>;
