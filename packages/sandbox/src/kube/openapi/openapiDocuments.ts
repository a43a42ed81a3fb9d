import { createHash } from 'node:crypto';
import { RESOURCE_TYPES, type ResourceType } from '../objects/resourceTypes.ts';
import { modelNamed, modelOfKind, type Model } from './modelCatalog.ts';

/**
 * /openapi/v2 and /openapi/v3 built from the registry of served kinds: the
 * component schemas kubectl explain walks, and the operations kubectl reads to
 * learn that the server validates fields itself (fieldValidation on PATCH,
 * tagged with x-kubernetes-group-version-kind).
 */

type Schema = Record<string, unknown>;
type Flavour = 'v2' | 'v3';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** Types kube-apiserver defines in apimachinery rather than in an API group's package. */
const META_TYPES = new Set([
  'ObjectMeta',
  'ListMeta',
  'LabelSelector',
  'LabelSelectorRequirement',
  'OwnerReference',
  'ManagedFieldsEntry',
  'Condition',
  'Status',
  'StatusDetails',
  'StatusCause',
  'DeleteOptions',
  'Preconditions',
  'WatchEvent',
]);

const refPrefix = (flavour: Flavour) =>
  flavour === 'v2' ? '#/definitions/' : '#/components/schemas/';

function packageOf(group: string): string {
  return group === '' ? 'core' : group.split('.')[0]!;
}

/** The definition name kube-apiserver gives a type: io.k8s.api.core.v1.PodSpec. */
function definitionName(modelName: string, homeGroup: string): string {
  const match = /^([A-Z][a-z]+)?(V\d+(?:alpha\d+|beta\d+)?)([A-Z]\w*)$/.exec(modelName);
  if (!match) return modelName;
  const [, prefix, version, type] = match;
  if (META_TYPES.has(type!)) return `${META}.${type}`;
  const pkg = prefix ? prefix.toLowerCase() : packageOf(homeGroup);
  return `io.k8s.api.${pkg}.${version!.toLowerCase()}.${type}`;
}

class SchemaBuilder {
  readonly definitions: Record<string, Schema> = {};
  constructor(
    private readonly flavour: Flavour,
    private readonly homeGroup: string,
  ) {}

  private ref(name: string, description?: string): Schema {
    const ref = { $ref: `${refPrefix(this.flavour)}${name}` };
    if (!description) return ref;
    // OpenAPI 3.0 ignores a $ref's siblings; kube-apiserver wraps it as allOf to keep the description.
    return this.flavour === 'v3'
      ? { allOf: [ref], default: {}, description }
      : { ...ref, description };
  }

  fieldSchema(type: string, format: string, description?: string): Schema {
    const described = (schema: Schema): Schema =>
      description ? { ...schema, description } : schema;
    const array = /^Array<(.+)>$/.exec(type);
    if (array) return described({ type: 'array', items: this.fieldSchema(array[1]!, format) });
    const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
    if (map)
      return described({ type: 'object', additionalProperties: this.fieldSchema(map[1]!, format) });
    switch (type) {
      case 'string':
        return described({ type: 'string', ...(format === 'byte' ? { format } : {}) });
      case 'boolean':
        return described({ type: 'boolean' });
      case 'number':
        return described(
          format === 'int32' || format === 'int64'
            ? { type: 'integer', format }
            : { type: 'number', format: 'double' },
        );
      case 'Date':
        return described({ type: 'string', format: 'date-time' });
      case 'any':
        return described({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
      case 'IntOrString':
        this.definitions[INT_OR_STRING] ??= {
          type: 'string',
          format: 'int-or-string',
          description:
            'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.',
        };
        return this.ref(INT_OR_STRING, description);
      default: {
        const model = modelNamed(type);
        if (!model) return described({ type: 'object' });
        return this.ref(this.define(model), description);
      }
    }
  }

  /** Adds a model (and what it reaches) to the definitions; returns its definition name. */
  define(model: Model, extra: Schema = {}): string {
    const name = definitionName(model.name, this.homeGroup);
    if (this.definitions[name] && Object.keys(extra).length === 0) return name;
    const schema: Schema = { type: 'object' };
    this.definitions[name] = schema;
    const properties: Record<string, Schema> = {};
    for (const field of model.fields)
      properties[field.name] = this.fieldSchema(field.type, field.format, field.description);
    const required = model.fields.filter((field) => field.required).map((field) => field.name);
    Object.assign(schema, {
      ...(model.description ? { description: model.description } : {}),
      ...(required.length > 0 ? { required } : {}),
      properties,
      ...extra,
    });
    return name;
  }
}

function gvk(type: ResourceType) {
  return { group: type.group, kind: type.kind, version: type.version };
}

const QUERY = (name: string, description: string, type = 'string'): Schema => ({
  name,
  in: 'query',
  description,
  schema: { type, uniqueItems: true },
});
const DRY_RUN = QUERY(
  'dryRun',
  'When present, indicates that modifications should not be persisted.',
);
const FIELD_MANAGER = QUERY(
  'fieldManager',
  'fieldManager is a name associated with the actor or entity that is making these changes.',
);
const FIELD_VALIDATION = QUERY(
  'fieldValidation',
  'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.',
);
const FORCE = QUERY(
  'force',
  'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.',
  'boolean',
);
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

/** In v2 parameters carry their type themselves and a body is a parameter too. */
function parameter(flavour: Flavour, param: Schema): Schema {
  if (flavour === 'v3') return param;
  const { schema, ...rest } = param as { schema: Schema };
  return { ...rest, ...schema };
}

function operation(
  flavour: Flavour,
  type: ResourceType,
  action: string,
  id: string,
  params: Schema[],
  kindRef: string,
  body?: 'object' | 'patch',
): Schema {
  const ref = { $ref: `${refPrefix(flavour)}${kindRef}` };
  const patchRef = { $ref: `${refPrefix(flavour)}${META}.Patch` };
  const common = {
    description: `${action} ${type.kind}`,
    operationId: id,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk(type),
  };
  if (flavour === 'v3') {
    return {
      ...common,
      parameters: params,
      ...(body
        ? {
            requestBody: {
              required: true,
              content:
                body === 'patch'
                  ? Object.fromEntries(PATCH_TYPES.map((media) => [media, { schema: patchRef }]))
                  : { '*/*': { schema: ref } },
            },
          }
        : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref } } },
        '401': { description: 'Unauthorized' },
      },
    };
  }
  return {
    ...common,
    consumes: body === 'patch' ? PATCH_TYPES : ['*/*'],
    produces: ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'],
    schemes: ['https'],
    parameters: [
      ...(body
        ? [{ name: 'body', in: 'body', required: true, schema: body === 'patch' ? patchRef : ref }]
        : []),
      ...params.map((param) => parameter(flavour, param)),
    ],
    responses: {
      '200': { description: 'OK', schema: ref },
      '401': { description: 'Unauthorized' },
    },
  };
}

function pathParam(flavour: Flavour, name: string): Schema {
  return parameter(flavour, {
    name,
    in: 'path',
    required: true,
    description: `${name} of the resource`,
    schema: { type: 'string', uniqueItems: true },
  });
}

function pathsOf(flavour: Flavour, type: ResourceType, kindRef: string): Record<string, Schema> {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  const scope = type.namespaced ? `${base}/namespaces/{namespace}` : base;
  const idPart = `${type.group.split('.')[0] ?? ''}${type.version}`.replace(/^./, (c) =>
    c.toUpperCase(),
  );
  const suffix = `${type.namespaced ? 'Namespaced' : ''}${type.kind}`;
  const has = (verb: string) => type.verbs.includes(verb);
  const scopeParams = type.namespaced ? [pathParam(flavour, 'namespace')] : [];
  const collection: Schema = { parameters: scopeParams };
  if (has('list'))
    collection.get = operation(flavour, type, 'list', `list${idPart}${suffix}`, [], kindRef);
  if (has('create'))
    collection.post = operation(
      flavour,
      type,
      'post',
      `create${idPart}${suffix}`,
      [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
      kindRef,
      'object',
    );
  const item: Schema = { parameters: [pathParam(flavour, 'name'), ...scopeParams] };
  if (has('get')) item.get = operation(flavour, type, 'get', `read${idPart}${suffix}`, [], kindRef);
  if (has('update'))
    item.put = operation(
      flavour,
      type,
      'put',
      `replace${idPart}${suffix}`,
      [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION],
      kindRef,
      'object',
    );
  if (has('patch'))
    item.patch = operation(
      flavour,
      type,
      'patch',
      `patch${idPart}${suffix}`,
      [DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE],
      kindRef,
      'patch',
    );
  if (has('delete'))
    item.delete = operation(
      flavour,
      type,
      'delete',
      `delete${idPart}${suffix}`,
      [DRY_RUN],
      kindRef,
    );
  return { [`${scope}/${type.plural}`]: collection, [`${scope}/${type.plural}/{name}`]: item };
}

function addKinds(flavour: Flavour, types: readonly ResourceType[], homeGroup: string) {
  const builder = new SchemaBuilder(flavour, homeGroup);
  builder.definitions[`${META}.Patch`] = {
    type: 'object',
    description:
      'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
  };
  let paths: Record<string, Schema> = {};
  for (const type of types) {
    const model = modelOfKind(type.group, type.version, type.kind);
    if (!model) continue;
    const kindRef = builder.define(model, { 'x-kubernetes-group-version-kind': [gvk(type)] });
    paths = { ...paths, ...pathsOf(flavour, type, kindRef) };
  }
  return { definitions: builder.definitions, paths };
}

/** The group versions the sandbox serves, as /openapi/v3 names them: "api/v1", "apis/apps/v1". */
function groupVersions(): Map<string, ResourceType[]> {
  const byPath = new Map<string, ResourceType[]>();
  for (const type of RESOURCE_TYPES) {
    // A CRD's schema is the cluster's own (client-node has no model of it): not in this shared catalogue.
    if (type.crd) continue;
    const key = type.group ? `apis/${type.group}/${type.version}` : `api/${type.version}`;
    byPath.set(key, [...(byPath.get(key) ?? []), type]);
  }
  return byPath;
}

const INFO = { title: 'Kubernetes', version: 'unversioned' };
let v3Cache: Map<string, { text: string; hash: string }> | undefined;
let v2Cache: string | undefined;

/** The per-group-version OpenAPI v3 documents, serialized once (the registry does not change at run time). */
function v3Documents(): Map<string, { text: string; hash: string }> {
  if (v3Cache) return v3Cache;
  v3Cache = new Map();
  for (const [path, types] of groupVersions()) {
    const { definitions, paths } = addKinds('v3', types, types[0]!.group);
    const text = JSON.stringify({
      openapi: '3.0.0',
      info: INFO,
      paths,
      components: {
        schemas: definitions,
        securitySchemes: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } },
      },
    });
    v3Cache.set(path, {
      text,
      hash: createHash('sha512').update(text).digest('hex').toUpperCase(),
    });
  }
  return v3Cache;
}

/** GET /openapi/v3: where each group version's document lives, its hash in the URL for caching. */
export function openApiV3Discovery(): Record<string, unknown> {
  return {
    paths: Object.fromEntries(
      [...v3Documents()].map(([path, document]) => [
        path,
        { serverRelativeURL: `/openapi/v3/${path}?hash=${document.hash}` },
      ]),
    ),
  };
}

/** GET /openapi/v3/<api/v1|apis/group/version>, serialized; undefined when not served. */
export function openApiV3Document(path: string): { text: string; hash: string } | undefined {
  return v3Documents().get(path);
}

/** GET /openapi/v2: every served kind in one Swagger 2.0 document, serialized. */
export function openApiV2Document(): string {
  if (v2Cache) return v2Cache;
  let definitions: Record<string, Schema> = {};
  let paths: Record<string, Schema> = {};
  for (const types of groupVersions().values()) {
    const part = addKinds('v2', types, types[0]!.group);
    definitions = { ...definitions, ...part.definitions };
    paths = { ...paths, ...part.paths };
  }
  v2Cache = JSON.stringify({
    swagger: '2.0',
    info: INFO,
    paths,
    definitions,
    securityDefinitions: { BearerToken: { type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  });
  return v2Cache;
}
