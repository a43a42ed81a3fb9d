/** One requirement of a Kubernetes label selector (`app=web`, `tier in (a,b)`, `!canary`). */
export type LabelRequirement =
  { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | 'absent' };

// A key as Kubernetes defines it: an optional DNS-subdomain prefix and a name of letters, digits, -_.
const KEY = String.raw`(?:[A-Za-z0-9][-A-Za-z0-9_.]*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?`;
const VALUE = String.raw`(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;
const EQUALITY = new RegExp(String.raw`^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const SET = new RegExp(String.raw`^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);
const EXISTS = new RegExp(String.raw`^(${KEY})$`);
const ABSENT = new RegExp(String.raw`^!\s*(${KEY})$`);
const WHOLE_VALUE = new RegExp(`^${VALUE}$`);

/** Splits on the commas between requirements, not the ones inside `in (a,b)`. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms.map((term) => term.trim());
}

function parseTerm(term: string): LabelRequirement | undefined {
  let match = EQUALITY.exec(term);
  if (match) {
    const [, key = '', op, value = ''] = match;
    return { key, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  match = SET.exec(term);
  if (match) {
    const [, key = '', op, list = ''] = match;
    const values = list.split(',').map((value) => value.trim());
    if (values.some((value) => !WHOLE_VALUE.test(value))) return undefined;
    return { key, op: op === 'notin' ? 'notin' : 'in', values };
  }
  match = ABSENT.exec(term);
  if (match) return { key: match[1] ?? '', op: 'absent' };
  match = EXISTS.exec(term);
  if (match) return { key: match[1] ?? '', op: 'exists' };
  return undefined;
}

/**
 * Parses a label selector as `kubectl -l` takes it; undefined when it cannot be read. Fleet search
 * reads its queries with it, and the browser applies it to watched pods (the pods watch is
 * filtered by namespace only).
 */
export function parseLabelSelector(text: string): LabelRequirement[] | undefined {
  if (text.trim() === '') return [];
  const requirements: LabelRequirement[] = [];
  for (const term of splitTerms(text)) {
    const requirement = parseTerm(term);
    if (!requirement) return undefined;
    requirements.push(requirement);
  }
  return requirements;
}

/** True when `labels` meet every requirement (Kubernetes semantics: `!=` and `notin` match absent keys). */
export function matchesLabels(
  labels: Record<string, string>,
  requirements: readonly LabelRequirement[],
): boolean {
  return requirements.every((requirement) => {
    const value = Object.hasOwn(labels, requirement.key) ? labels[requirement.key] : undefined;
    switch (requirement.op) {
      case 'exists':
        return value !== undefined;
      case 'absent':
        return value === undefined;
      case 'in':
        return value !== undefined && requirement.values.includes(value);
      case 'notin':
        return value === undefined || !requirement.values.includes(value);
    }
  });
}
