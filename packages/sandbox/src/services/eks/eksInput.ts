import { AwsError } from '../../awsError.ts';
import { queryValues, type SandboxRequest } from '../../http/request.ts';

/** Reading REST-JSON input with EKS's answer to wrong types: InvalidParameterException naming the member. */

const wrongType = (member: string, expected: string) =>
  new AwsError('InvalidParameterException', 400, `${member} must be ${expected}.`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON object of the request body (or a nested member), with typed getters. */
export class JsonInput {
  constructor(
    readonly raw: Record<string, unknown>,
    private readonly prefix = '',
  ) {}

  static parse(body: Buffer): JsonInput {
    if (body.length === 0) return new JsonInput({});
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new AwsError('SerializationException', 400, 'The request body is not valid JSON.');
    }
    if (!isObject(parsed))
      throw new AwsError('SerializationException', 400, 'The request body must be a JSON object.');
    return new JsonInput(parsed);
  }

  private name(member: string): string {
    return `${this.prefix}${member}`;
  }

  has(member: string): boolean {
    return this.raw[member] !== undefined && this.raw[member] !== null;
  }

  optionalString(member: string): string | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw wrongType(this.name(member), 'a string');
    return value;
  }

  string(member: string): string {
    const value = this.optionalString(member);
    if (value === undefined) {
      throw new AwsError('InvalidParameterException', 400, `${this.name(member)} is required.`);
    }
    return value;
  }

  optionalBoolean(member: string): boolean | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw wrongType(this.name(member), 'a boolean');
    return value;
  }

  optionalInteger(member: string): number | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw wrongType(this.name(member), 'an integer');
    return value;
  }

  optionalStringList(member: string): string[] | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw wrongType(this.name(member), 'a list of strings');
    }
    return value as string[];
  }

  optionalStringMap(member: string): Record<string, string> | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value) || Object.values(value).some((item) => typeof item !== 'string')) {
      throw wrongType(this.name(member), 'a map of strings');
    }
    return value as Record<string, string>;
  }

  optionalObject(member: string): JsonInput | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) throw wrongType(this.name(member), 'an object');
    return new JsonInput(value, `${this.name(member)}.`);
  }

  object(member: string): JsonInput {
    const value = this.optionalObject(member);
    if (!value)
      throw new AwsError('InvalidParameterException', 400, `${this.name(member)} is required.`);
    return value;
  }

  optionalObjectList(member: string): JsonInput[] | undefined {
    const value = this.raw[member];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => !isObject(item))) {
      throw wrongType(this.name(member), 'a list of objects');
    }
    return (value as Record<string, unknown>[]).map(
      (item, index) => new JsonInput(item, `${this.name(member)}.${index + 1}.`),
    );
  }
}

/** Query-string members of REST-JSON operations. */
export class QueryInput {
  constructor(private readonly request: SandboxRequest) {}

  string(name: string): string | undefined {
    return queryValues(this.request.query, name)[0];
  }

  list(name: string): string[] | undefined {
    const values = queryValues(this.request.query, name);
    return values.length > 0 ? values : undefined;
  }

  integer(name: string): number | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw wrongType(name, 'an integer');
    return Number(value);
  }

  boolean(name: string): boolean | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw wrongType(name, 'true or false');
    return value === 'true';
  }
}

/** Drops undefined members, so optional inputs stay absent rather than present-but-undefined. */
export const defined = <T extends Record<string, unknown>>(object: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
