import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Field lists of the Kubernetes API types, read from @kubernetes/client-node's
 * generated models (generated from kube-apiserver's own OpenAPI document), so
 * the sandbox's OpenAPI needs no hand-kept schema file and every kind added to
 * the registry gets its fields without further work.
 */

export interface ModelField {
  /** The JSON name ("$ref", "continue"). */
  name: string;
  /** The generator's type: "string", "number", "Date", "Array<V1Container>", "{ [key: string]: string; }". */
  type: string;
  /** "int32", "int64", "double", "date-time" or "". */
  format: string;
  description?: string;
  required: boolean;
}

export interface Model {
  name: string;
  description?: string;
  fields: ModelField[];
}

const modelsDir = join(
  dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node/package.json')),
  'dist',
  'gen',
  'models',
);
const cache = new Map<string, Model | undefined>();

function unescape(text: string): string {
  return text.replace(/\\(["'\\])/g, '$1').trim();
}

/** Descriptions and required-ness live only in the declaration file: its doc comments and `?` marks. */
function declarations(source: string): {
  description?: string;
  fields: Map<string, { description?: string; required: boolean }>;
} {
  const fields = new Map<string, { description?: string; required: boolean }>();
  let comment: string[] | undefined;
  let pending: string | undefined;
  let classDescription: string | undefined;
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('/**')) {
      comment = [];
      continue;
    }
    if (comment) {
      if (line.startsWith('*/')) {
        pending = comment.join(' ');
        comment = undefined;
      } else comment.push(line.replace(/^\*\s?/, ''));
      continue;
    }
    if (line.startsWith('export declare class')) {
      classDescription = pending;
      pending = undefined;
      continue;
    }
    const property = /^'([^']+)'(\?)?:/.exec(line);
    if (property) {
      fields.set(property[1]!, {
        ...(pending ? { description: unescape(pending) } : {}),
        required: property[2] !== '?',
      });
      pending = undefined;
    } else if (line !== '') pending = undefined;
  }
  return { ...(classDescription ? { description: unescape(classDescription) } : {}), fields };
}

/** The model named as the generator names it (V1PodSpec, CoreV1Event), or undefined when there is none. */
export function modelNamed(name: string): Model | undefined {
  if (cache.has(name)) return cache.get(name);
  let model: Model | undefined;
  const js = join(modelsDir, `${name}.js`);
  if (/^\w+$/.test(name) && existsSync(js)) {
    const source = readFileSync(js, 'utf8');
    const marker = `${name}.attributeTypeMap = `;
    const start = source.indexOf(marker);
    const map =
      start < 0
        ? []
        : (JSON.parse(
            source.slice(start + marker.length, source.indexOf('];', start) + 1),
          ) as Array<{ name: string; baseName: string; type: string; format: string }>);
    const declared = declarations(readFileSync(join(modelsDir, `${name}.d.ts`), 'utf8'));
    model = {
      name,
      ...(declared.description ? { description: declared.description } : {}),
      fields: map.map((entry) => {
        const info = declared.fields.get(entry.name);
        return {
          name: entry.baseName,
          type: entry.type,
          format: entry.format,
          ...(info?.description ? { description: info.description } : {}),
          required: info?.required ?? false,
        };
      }),
    };
  }
  cache.set(name, model);
  return model;
}

/** The generator's name of a kind's model: V1Pod, V2HorizontalPodAutoscaler, CoreV1Event when the plain name is taken. */
export function modelOfKind(group: string, version: string, kind: string): Model | undefined {
  const versionPart = version.charAt(0).toUpperCase() + version.slice(1);
  const groupPart = (group.split('.')[0] || 'core').replace(/^./, (c) => c.toUpperCase());
  return modelNamed(`${groupPart}${versionPart}${kind}`) ?? modelNamed(`${versionPart}${kind}`);
}
