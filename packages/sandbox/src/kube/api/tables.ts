import type { KubeObject } from '../objects/types.ts';
import { DEFAULT_COLUMNS, TABLE_COLUMNS } from './tableColumns.ts';

/** meta.k8s.io/v1 Table answers: what `kubectl get` asks for to print columns. */

/** True when the Accept header asks for a Table (kubectl get sends it first in its list). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .split(',')
    .some((part) => /;\s*as=Table/.test(part) && /;\s*g=meta\.k8s\.io/.test(part));
}

/**
 * Whether the Accept header asks for metadata only (`as=PartialObjectMetadataList` for a list,
 * `as=PartialObjectMetadata` for one object), as the garbage collector and `kubectl get -o name` do.
 */
export function wantsMetadata(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .split(',')
    .some(
      (part) =>
        /;\s*as=PartialObjectMetadata(List)?\b/.test(part) && /;\s*g=meta\.k8s\.io/.test(part),
    );
}

/** An object as PartialObjectMetadata: its metadata and nothing else. */
export function metadataOf(object: KubeObject): Record<string, unknown> {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return metadataOf(object);
}

export function tableOf(
  kind: string,
  objects: KubeObject[],
  options: { now: number; include: IncludeObject; listMeta: Record<string, unknown> },
): Record<string, unknown> {
  const columns = TABLE_COLUMNS[kind] ?? DEFAULT_COLUMNS;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.listMeta,
    columnDefinitions: columns.map(({ name, type, format, description, priority }) => ({
      name,
      type,
      format,
      description,
      priority,
    })),
    rows: objects.map((object) => {
      const row: Record<string, unknown> = {
        cells: columns.map((column) => column.cell(object, options.now)),
      };
      const included = rowObject(object, options.include);
      if (included !== undefined) row.object = included;
      return row;
    }),
  };
}

export function parseIncludeObject(value: string | undefined): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}
