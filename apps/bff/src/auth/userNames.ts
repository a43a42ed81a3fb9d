/** The one rule for console user names: `users add` creates only such names, sign-in accepts only them. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9._@-]{1,64}$/;
export const USER_NAME_RULE = 'letters, digits, . _ @ - (at most 64)';

export const isUserName = (name: string): boolean => USER_NAME_PATTERN.test(name);

/** How much of a refused name the audit log keeps. */
export const SHOWN_NAME_LENGTH = 32;

/**
 * A name that broke the rule, made safe to store and show: at most 32 characters of it, each
 * character outside the rule's alphabet written as `\uXXXX` (so no markup, line break, control
 * character or spreadsheet formula survives), and `…` when it was longer.
 */
export function auditedUserName(name: string): string {
  const characters = Array.from(name);
  const shown = characters
    .slice(0, SHOWN_NAME_LENGTH)
    .map((character) =>
      /^[A-Za-z0-9._@-]$/.test(character)
        ? character
        : Array.from(
            { length: character.length },
            (_, index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`,
          ).join(''),
    )
    .join('');
  return characters.length > SHOWN_NAME_LENGTH ? `${shown}…` : shown;
}
