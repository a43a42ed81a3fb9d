import { z } from 'zod';

/**
 * Our wording for every validation message a schema does not spell out itself. Messages follow the
 * field name in a problem's `errors` ("size: must be at least 1"), so they start in lower case and never
 * name the field; zod's own defaults ("Too small: expected number to be >=1") read as a library's.
 */

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const FORMATS: Record<string, string> = {
  url: 'a URL',
  email: 'an email address',
  datetime: 'a date and time such as 2026-12-03T10:00:00Z',
  date: 'a date such as 2026-12-03',
  uuid: 'a UUID',
  ipv4: 'an IPv4 address',
  cidrv4: 'an IPv4 CIDR block such as 10.0.0.0/16',
};

const units = (origin: string, count: number | bigint) =>
  origin === 'string'
    ? `${count} character${count === 1 ? '' : 's'}`
    : origin === 'array' || origin === 'set'
      ? `${count} item${count === 1 ? '' : 's'}`
      : `${count}`;

const quoted = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

type Issue = z.core.$ZodRawIssue;

/** The message for one issue; undefined keeps zod's own (for issue kinds we never produce). */
export function validationMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${NOUNS[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const origin = String(issue.origin);
      if (origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      if ((origin === 'array' || origin === 'set') && Number(issue.minimum) === 1)
        return 'must have at least one item';
      const bound = issue.inclusive === false ? 'more than' : 'at least';
      const size = origin === 'string' || origin === 'array' || origin === 'set';
      return `must ${size ? 'have' : 'be'} ${bound} ${units(origin, issue.minimum)}`;
    }
    case 'too_big': {
      const origin = String(issue.origin);
      const bound = issue.inclusive === false ? 'less than' : 'at most';
      const size = origin === 'string' || origin === 'array' || origin === 'set';
      return `must ${size ? 'have' : 'be'} ${bound} ${units(origin, issue.maximum)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoted(issue.values[0])}`
        : `must be one of ${issue.values.map(quoted).join(', ')}`;
    case 'invalid_format':
      return issue.format in FORMATS
        ? `must be ${FORMATS[issue.format]}`
        : 'is not in the expected format';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} this request takes: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an element that is not allowed';
    default:
      return undefined;
  }
}

// Installed once, wherever the contract is imported (BFF and web alike).
z.config({ customError: validationMessage });
