import { dictionary } from '@zxcvbn-ts/language-common';
import { LoginRequest } from '@wheelhouse/contract';

export const MIN_PASSWORD_LENGTH = 12;
/** Sign-in refuses longer passwords (LoginRequest), so a longer one could never be used. */
export const MAX_PASSWORD_LENGTH = LoginRequest.shape.password.maxLength ?? 1024;

// zxcvbn-ts's list of common passwords, most common first (49,233 of them: the top 10,000 and more),
// from public breach corpora; maintained with the zxcvbn-ts estimator.
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common']));

/** Why `users add` refuses this password for this user, or undefined when it is acceptable. */
export function passwordProblem(userName: string, password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `the password must be at most ${MAX_PASSWORD_LENGTH.toLocaleString('en')} characters (the longest sign-in accepts)`;
  }
  if (/^(.)\1*$/su.test(password)) return 'the password is one character repeated';
  if (password.toLowerCase() === userName.toLowerCase()) {
    return 'the password is the user name itself';
  }
  if (commonPasswords().has(password.toLowerCase())) {
    return 'the password is in the list of common passwords (the top 10,000 and more)';
  }
  return undefined;
}
