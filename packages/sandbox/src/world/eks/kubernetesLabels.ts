/**
 * Kubernetes' syntax for label keys and values (also taint keys and values):
 * what the API server would refuse, EKS refuses up front. Each check returns
 * the problem in Kubernetes' words, or undefined when the text is valid.
 */

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** A qualified name: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a qualified name may contain at most one "/"';
  const [prefix, name] = parts.length === 2 ? [parts[0]!, parts[1]!] : [undefined, parts[0]!];
  if (prefix !== undefined) {
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253) return 'prefix part must be no more than 253 characters';
    if (!DNS_SUBDOMAIN.test(prefix))
      return "prefix part must be a lowercase RFC 1123 subdomain (alphanumeric characters, '-' or '.')";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!NAME.test(name)) return `name part ${NAME_RULE}`;
  return undefined;
}

/** A label value: empty, or a name of at most 63 characters. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!NAME.test(value)) return `a valid label value ${NAME_RULE}`;
  return undefined;
}
