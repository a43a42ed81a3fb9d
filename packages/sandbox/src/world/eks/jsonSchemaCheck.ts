/**
 * The JSON Schema checks EKS applies to an add-on's configuration values, for the keywords the
 * catalogue's schemas use (type, properties, additionalProperties, required, items, enum, pattern,
 * minimum, maximum, minLength, maxLength). Messages read as EKS's (its validator's `$.a.b: ...`).
 */

/** A JSON Schema (draft-07) node as the catalogue writes them. */
export interface JsonSchema {
  $schema?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Every way `value` fails `schema`, each as EKS words it (`$.replicaCount: string found, integer expected`). */
export function schemaViolations(schema: JsonSchema, value: unknown, path = '$'): string[] {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.some((type) => matchesType(value, type))) {
    return [`${path}: ${typeOf(value)} found, ${types.join(', ')} expected`];
  }
  const found: string[] = [];
  if (schema.enum && !schema.enum.some((option) => option === value)) {
    found.push(`${path}: does not have a value in the enumeration [${schema.enum.join(', ')}]`);
  }
  if (typeof value === 'string') {
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      found.push(`${path}: does not match the regex pattern ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      found.push(`${path}: must be at least ${schema.minLength} characters long`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      found.push(`${path}: may only be ${schema.maxLength} characters long`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      found.push(`${path}: must have a minimum value of ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      found.push(`${path}: must have a maximum value of ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => {
      found.push(...schemaViolations(schema.items!, item, `${path}[${index}]`));
    });
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object)) found.push(`${path}.${name}: is missing but it is required`);
    }
    for (const [name, member] of Object.entries(object)) {
      const declared = schema.properties?.[name];
      if (declared) found.push(...schemaViolations(declared, member, `${path}.${name}`));
      else if (schema.additionalProperties === false)
        found.push(
          `${path}.${name}: is not defined in the schema and the schema does not allow additional properties`,
        );
      else if (typeof schema.additionalProperties === 'object')
        found.push(...schemaViolations(schema.additionalProperties, member, `${path}.${name}`));
    }
  }
  return found;
}
