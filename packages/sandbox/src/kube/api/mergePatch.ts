import { kubeErrors } from './status.ts';

/** The patch formats the sandbox applies (server-side apply is not simulated). */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386 JSON merge patch (also used for strategic merge patches: lists are replaced). */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw kubeErrors.badRequest(`invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** RFC 6902 JSON patch: add, remove, replace and test. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations))
    throw kubeErrors.badRequest('a JSON patch must be a list of operations');
  const document = structuredClone(target);
  for (const operation of operations as Array<{ op?: string; path?: string; value?: unknown }>) {
    const parts = pointer(operation.path ?? '');
    const last = parts.pop();
    let parent: unknown = document;
    for (const part of parts) {
      parent = Array.isArray(parent)
        ? parent[Number(part)]
        : (parent as Record<string, unknown> | undefined)?.[part];
      if (parent === undefined)
        throw kubeErrors.invalid(`the path "${operation.path}" does not exist`);
    }
    if (last === undefined)
      throw kubeErrors.badRequest('a JSON patch cannot replace the whole object');
    const list = Array.isArray(parent) ? (parent as unknown[]) : undefined;
    const record = parent as Record<string, unknown>;
    switch (operation.op) {
      case 'add':
        if (list) list.splice(last === '-' ? list.length : Number(last), 0, operation.value);
        else record[last] = operation.value;
        break;
      case 'replace':
        if (!(last in record))
          throw kubeErrors.invalid(`the path "${operation.path}" does not exist`);
        if (list) list[Number(last)] = operation.value;
        else record[last] = operation.value;
        break;
      case 'remove':
        if (list) list.splice(Number(last), 1);
        else delete record[last];
        break;
      case 'test':
        if (
          JSON.stringify(list ? list[Number(last)] : record[last]) !==
          JSON.stringify(operation.value)
        ) {
          throw kubeErrors.invalid(`the test of "${operation.path}" failed`);
        }
        break;
      default:
        throw kubeErrors.badRequest(`unsupported JSON patch operation "${operation.op}"`);
    }
  }
  return document;
}

/** Applies a PATCH body by its Content-Type. */
export function applyPatch(
  target: unknown,
  patch: unknown,
  contentType: string | undefined,
): unknown {
  const type = (contentType ?? '').split(';')[0]!.trim();
  switch (type) {
    case 'application/merge-patch+json':
    case 'application/strategic-merge-patch+json':
      return mergePatch(target, patch);
    case 'application/json-patch+json':
      return jsonPatch(target, patch);
    default:
      throw kubeErrors.unsupportedMediaType(type || '(none)');
  }
}
