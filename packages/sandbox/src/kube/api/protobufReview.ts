/**
 * kubectl sends built-in kinds such as SelfSubjectAccessReview as Kubernetes protobuf
 * (`application/vnd.kubernetes.protobuf`): the magic `k8s\0`, then a runtime.Unknown whose field 2
 * holds the object. The reviews are the only protobuf bodies the sandbox reads, so this decodes just
 * their fields (k8s.io/api/authorization/v1 generated.proto); answers stay JSON, which kubectl accepts.
 */

type Fields = Map<number, Array<Buffer | number>>;

function varint(buffer: Buffer, at: { offset: number }): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (at.offset >= buffer.length) throw new Error('truncated varint');
    const byte = buffer[at.offset++]!;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
}

function fieldsOf(buffer: Buffer): Fields {
  const fields: Fields = new Map();
  const at = { offset: 0 };
  while (at.offset < buffer.length) {
    const key = varint(buffer, at);
    const field = Math.floor(key / 8);
    const wire = key & 7;
    let value: Buffer | number;
    if (wire === 0) value = varint(buffer, at);
    else if (wire === 2) {
      const length = varint(buffer, at);
      value = buffer.subarray(at.offset, at.offset + length);
      at.offset += length;
    } else if (wire === 1) {
      value = buffer.subarray(at.offset, (at.offset += 8));
    } else if (wire === 5) {
      value = buffer.subarray(at.offset, (at.offset += 4));
    } else throw new Error(`unsupported wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const bytes = (fields: Fields, field: number): Buffer | undefined => {
  const value = fields.get(field)?.[0];
  return Buffer.isBuffer(value) ? value : undefined;
};
const string = (fields: Fields, field: number) => bytes(fields, field)?.toString('utf8');

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

export const isProtobuf = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim() === 'application/vnd.kubernetes.protobuf';

/** The object inside a protobuf envelope (runtime.Unknown.raw), or undefined if it is none. */
function objectOf(body: Buffer): Fields | undefined {
  if (!body.subarray(0, 4).equals(MAGIC)) return undefined;
  const raw = bytes(fieldsOf(body.subarray(4)), 2);
  return raw ? fieldsOf(raw) : undefined;
}

const named = (source: Fields, names: string[]) =>
  Object.fromEntries(
    names.flatMap((name, i) => {
      const value = string(source, i + 1);
      return value === undefined ? [] : [[name, value]];
    }),
  );

/** A SelfSubjectAccessReview body, in the JSON shape the API serves. */
export function accessReviewFromProtobuf(body: Buffer): { spec?: Record<string, unknown> } {
  const object = objectOf(body);
  const spec = object && bytes(object, 2);
  if (!spec) return {};
  const fields = fieldsOf(spec);
  const resource = bytes(fields, 1);
  const nonResource = bytes(fields, 2);
  return {
    spec: {
      ...(resource
        ? {
            resourceAttributes: named(fieldsOf(resource), [
              'namespace',
              'verb',
              'group',
              'version',
              'resource',
              'subresource',
              'name',
            ]),
          }
        : {}),
      ...(nonResource
        ? { nonResourceAttributes: named(fieldsOf(nonResource), ['path', 'verb']) }
        : {}),
    },
  };
}

/** A SelfSubjectRulesReview body (its spec holds only the namespace). */
export function rulesReviewFromProtobuf(body: Buffer): { spec?: Record<string, unknown> } {
  const object = objectOf(body);
  const spec = object && bytes(object, 2);
  return spec ? { spec: named(fieldsOf(spec), ['namespace']) } : {};
}
