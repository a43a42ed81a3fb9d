import { configurationSchemaProblems } from '@wheelhouse/contract';
import { parse as parseYaml } from 'yaml';

/** Configuration values as typed, read: nothing, a JSON object, or why they cannot be one. */
export type ReadValues =
  | { kind: 'empty' }
  | { kind: 'object'; value: Record<string, unknown>; json: string }
  | { kind: 'invalid'; message: string };

/** Reads YAML or JSON (YAML is a superset of JSON, so one parser reads both). */
export function readConfigurationValues(text: string): ReadValues {
  if (text.trim() === '') return { kind: 'empty' };
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: false }) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'cannot be read';
    return { kind: 'invalid', message: `is neither YAML nor JSON: ${reason}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'invalid', message: 'must be an object of settings (key: value)' };
  return { kind: 'object', value: value as Record<string, unknown>, json: JSON.stringify(value) };
}

/** What the request carries: the values as JSON (EKS and the BFF check JSON), or none. */
export function configurationValuesOf(text: string): string | undefined {
  const read = readConfigurationValues(text);
  return read.kind === 'object' ? read.json : undefined;
}

/** The message to show on the editor: unreadable text, or where it breaks the build's schema. */
export function configurationValuesProblem(
  text: string,
  schema: string | undefined,
): string | undefined {
  const read = readConfigurationValues(text);
  if (read.kind === 'invalid') return read.message;
  if (read.kind === 'empty' || schema === undefined) return undefined;
  const problems = configurationSchemaProblems(schema, read.value);
  return problems.length > 0 ? problems.join('; ') : undefined;
}
