import type { ServiceModel, Shape } from './botocoreModel.ts';

/**
 * Checks a decoded response value against a botocore shape: required members,
 * no members the model lacks, types, enums and bounds. Returns the problems
 * found, each with its path (empty when the value conforms).
 */
export function validateShape(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  options: { timestamps: 'epoch-seconds' | 'iso8601' },
  path = '$',
): string[] {
  const shape: Shape | undefined = model.shapes[shapeName];
  if (!shape) return [`${path}: shape ${shapeName} is not in the model`];
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${path}: ${message} (shape ${shapeName})`);

  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail(`expected an object, got ${JSON.stringify(value)}`);
        break;
      }
      const record = value as Record<string, unknown>;
      const members = shape.members ?? {};
      for (const name of shape.required ?? []) {
        if (record[name] === undefined) fail(`required member ${name} is missing`);
      }
      for (const [name, member] of Object.entries(record)) {
        const definition = members[name];
        if (!definition) {
          fail(`member ${name} is not in the model`);
          continue;
        }
        problems.push(
          ...validateShape(model, definition.shape, member, options, `${path}.${name}`),
        );
      }
      break;
    }
    case 'list':
      if (!Array.isArray(value)) {
        fail('expected a list');
        break;
      }
      value.forEach((item, index) =>
        problems.push(
          ...validateShape(model, shape.member!.shape, item, options, `${path}[${index}]`),
        ),
      );
      break;
    case 'map':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('expected a map');
        break;
      }
      for (const [key, item] of Object.entries(value)) {
        problems.push(
          ...validateShape(model, shape.key!.shape, key, options, `${path}{key ${key}}`),
        );
        problems.push(...validateShape(model, shape.value!.shape, item, options, `${path}.${key}`));
      }
      break;
    case 'string':
      if (typeof value !== 'string') fail(`expected a string, got ${JSON.stringify(value)}`);
      else {
        if (shape.enum && !shape.enum.includes(value))
          fail(`"${value}" is not one of ${shape.enum.join(', ')}`);
        if (shape.min !== undefined && value.length < shape.min) fail(`shorter than ${shape.min}`);
        if (shape.max !== undefined && value.length > shape.max) fail(`longer than ${shape.max}`);
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected a boolean, got ${JSON.stringify(value)}`);
      break;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value))
        fail(`expected an integer, got ${JSON.stringify(value)}`);
      else {
        if (shape.min !== undefined && value < shape.min) fail(`below ${shape.min}`);
        if (shape.max !== undefined && value > shape.max) fail(`above ${shape.max}`);
      }
      break;
    case 'float':
    case 'double':
      if (typeof value !== 'number') fail('expected a number');
      break;
    case 'timestamp': {
      const format =
        shape.timestampFormat ??
        (options.timestamps === 'epoch-seconds' ? 'unixTimestamp' : 'iso8601');
      if (format === 'unixTimestamp') {
        // Epoch seconds; anything below 1e9 (2001) or above 1e10 would be milliseconds or garbage.
        if (typeof value !== 'number' || !(value > 1e9 && value < 1e10))
          fail(`expected epoch seconds, got ${JSON.stringify(value)}`);
      } else if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        fail(`expected an ISO 8601 date, got ${JSON.stringify(value)}`);
      }
      break;
    }
    case 'blob':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value))
        fail('expected base64');
      break;
    default:
      fail(`unhandled shape type ${shape.type}`);
  }
  return problems;
}

/** A minimal XML element tree: enough for the Query protocol's answers (no attributes but xmlns, no CDATA). */
export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const token = /<(\/?)([A-Za-z_][\w.-]*)([^>]*?)(\/?)>|([^<]+)/g;
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (let match = token.exec(xml); match; match = token.exec(xml)) {
    const [, closing, name, , selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) top.text += unescape(text);
    else if (closing) {
      if (top.name !== name) throw new Error(`XML: </${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name: name!, children: [], text: '' };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error('XML: unclosed elements');
  return root;
}

/** Turns a Query protocol XML element into the value the shape describes (lists are <member> elements). */
export function xmlToValue(model: ServiceModel, shapeName: string, node: XmlNode): unknown {
  const shape = model.shapes[shapeName]!;
  switch (shape.type) {
    case 'structure':
      return Object.fromEntries(
        node.children.map((child) => {
          const member = shape.members?.[child.name];
          return [child.name, member ? xmlToValue(model, member.shape, child) : child.text];
        }),
      );
    case 'list':
      return node.children.map((child) => xmlToValue(model, shape.member!.shape, child));
    case 'integer':
    case 'long':
      return Number(node.text);
    case 'boolean':
      return node.text === 'true' ? true : node.text === 'false' ? false : node.text;
    default:
      return node.text;
  }
}
