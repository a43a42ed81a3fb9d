import type { KubeObject, LabelSelector } from './types.ts';

/** Label and field selectors, parsed as the API server parses them. */

export type LabelRequirement =
  | { key: string; op: 'exists' | 'notExists' }
  | { key: string; op: 'in' | 'notin'; values: string[] };

/** A selector that does not parse: the API answers 400 BadRequest with this message. */
export class SelectorError extends Error {}

/** Splits on commas that are not inside parentheses ("a in (x,y),b" → two parts). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function checkKey(key: string, selector: string): string {
  if (!KEY.test(key))
    throw new SelectorError(
      `unable to parse requirement: invalid label key "${key}" in "${selector}"`,
    );
  return key;
}

export function parseLabelSelector(selector: string | undefined): LabelRequirement[] {
  if (!selector) return [];
  return splitTopLevel(selector).map((part): LabelRequirement => {
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
    if (set) {
      const values = set[3]!
        .split(',')
        .map((value) => value.trim())
        .filter((v) => v !== '');
      return { key: checkKey(set[1]!, selector), op: set[2] as 'in' | 'notin', values };
    }
    const equality = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    if (equality) {
      const key = checkKey(equality[1]!, selector);
      return equality[2] === '!='
        ? { key, op: 'notin', values: [equality[3]!] }
        : { key, op: 'in', values: [equality[3]!] };
    }
    if (part.startsWith('!'))
      return { key: checkKey(part.slice(1).trim(), selector), op: 'notExists' };
    return { key: checkKey(part, selector), op: 'exists' };
  });
}

export function matchesLabels(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  for (const requirement of requirements) {
    const value = labels?.[requirement.key];
    switch (requirement.op) {
      case 'exists':
        if (value === undefined) return false;
        break;
      case 'notExists':
        if (value !== undefined) return false;
        break;
      case 'in':
        if (value === undefined || !requirement.values.includes(value)) return false;
        break;
      case 'notin':
        if (value !== undefined && requirement.values.includes(value)) return false;
        break;
    }
  }
  return true;
}

/** A workload's spec.selector as requirements (matchLabels and matchExpressions). */
export function requirementsOf(selector: LabelSelector | undefined): LabelRequirement[] {
  const requirements: LabelRequirement[] = Object.entries(selector?.matchLabels ?? {}).map(
    ([key, value]) => ({ key, op: 'in', values: [value] }),
  );
  for (const expression of selector?.matchExpressions ?? []) {
    const op = expression.operator.toLowerCase();
    if (op === 'in' || op === 'notin') {
      requirements.push({ key: expression.key, op, values: expression.values ?? [] });
    } else if (op === 'exists') requirements.push({ key: expression.key, op: 'exists' });
    else if (op === 'doesnotexist') requirements.push({ key: expression.key, op: 'notExists' });
  }
  return requirements;
}

/** The selector as kubectl prints it ("app=web,tier in (a,b)"). */
export function formatSelector(selector: LabelSelector | undefined): string {
  return requirementsOf(selector)
    .map((requirement) => {
      switch (requirement.op) {
        case 'exists':
          return requirement.key;
        case 'notExists':
          return `!${requirement.key}`;
        case 'in':
          return requirement.values.length === 1
            ? `${requirement.key}=${requirement.values[0]}`
            : `${requirement.key} in (${requirement.values.join(',')})`;
        case 'notin':
          return `${requirement.key} notin (${requirement.values.join(',')})`;
      }
    })
    .join(',');
}

export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

/** Reads a field an object may be selected by; undefined when the kind does not support it. */
export type FieldReader = (object: KubeObject, field: string) => string | undefined;

export function parseFieldSelector(
  selector: string | undefined,
  supported: (field: string) => boolean,
): FieldRequirement[] {
  if (!selector) return [];
  return splitTopLevel(selector).map((part) => {
    const match = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!match)
      throw new SelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const field = match[1]!;
    if (!supported(field)) throw new SelectorError(`field label not supported: ${field}`);
    return { field, value: match[3]!.trim(), negate: match[2] === '!=' };
  });
}

export function matchesFields(
  requirements: FieldRequirement[],
  object: KubeObject,
  read: FieldReader,
): boolean {
  return requirements.every((requirement) => {
    const value = read(object, requirement.field) ?? '';
    return requirement.negate ? value !== requirement.value : value === requirement.value;
  });
}
