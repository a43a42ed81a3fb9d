/**
 * Checks a value against an add-on's configuration schema (JSON Schema draft-07) by walking it,
 * for the browser: the console's Content-Security-Policy forbids the code generation ajv relies
 * on. It covers the keywords EKS's add-on schemas use (type, properties, additionalProperties,
 * required, items, enum, const, pattern, bounds, local $ref); others are left to the BFF's ajv,
 * which has the last word. Messages read as ajv's: `/replicaCount: must be integer`.
 */

type Schema = { [keyword: string]: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const pointer = (path: string, key: string | number) =>
  `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

function resolve(root: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let found: unknown = root;
  for (const part of ref.slice(2).split('/')) found = isObject(found) ? found[part] : undefined;
  return isObject(found) ? found : {};
}

function walk(root: Schema, node: unknown, value: unknown, path: string, out: string[]): void {
  if (!isObject(node)) return;
  const schema = resolve(root, node);
  const at = path || '/';
  const types = schema.type === undefined ? [] : [schema.type].flat().map(String);
  const actual = typeOf(value);
  if (
    types.length > 0 &&
    !types.some((type) => type === actual || (type === 'number' && actual === 'integer'))
  ) {
    out.push(`${at}: must be ${types.join(',')}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value))
    out.push(`${at}: must be equal to one of the allowed values: ${schema.enum.join(', ')}`);
  if ('const' in schema && schema.const !== value) out.push(`${at}: must be equal to constant`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      out.push(`${at}: must match pattern "${schema.pattern}"`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      out.push(`${at}: must NOT have fewer than ${schema.minLength} characters`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
      out.push(`${at}: must NOT have more than ${schema.maxLength} characters`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      out.push(`${at}: must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      out.push(`${at}: must be <= ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, index) => walk(root, schema.items, item, pointer(path, index), out));
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const name of Array.isArray(schema.required) ? schema.required : []) {
      if (!(String(name) in value)) out.push(`${at}: must have required property '${name}'`);
    }
    for (const [name, member] of Object.entries(value)) {
      if (Object.hasOwn(properties, name))
        walk(root, properties[name], member, pointer(path, name), out);
      else if (schema.additionalProperties === false)
        out.push(`${pointer(path, name)}: is not allowed by the schema`);
      else walk(root, schema.additionalProperties, member, pointer(path, name), out);
    }
  }
}

/** Where `value` breaks `schemaText` (a JSON Schema as EKS gives it), one message per place; none when it fits. */
export function configurationSchemaProblems(schemaText: string, value: unknown): string[] {
  if (schemaText.trim() === '') return [];
  let schema: unknown;
  try {
    schema = JSON.parse(schemaText);
  } catch {
    return [];
  }
  if (!isObject(schema)) return [];
  const out: string[] = [];
  walk(schema, schema, value, '', out);
  return out;
}

/** The top-level settings a schema offers, for a hint beside the editor. */
export function configurationSchemaKeys(schemaText: string): string[] {
  try {
    const schema = JSON.parse(schemaText) as unknown;
    return isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : [];
  } catch {
    return [];
  }
}
