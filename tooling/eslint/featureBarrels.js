import path from 'node:path';

/**
 * Web features meet only through each other's `index.ts`: an import that resolves into another
 * folder of `apps/web/src/features/` must name that folder's index. Relative paths are resolved
 * first, because a glob on the written path cannot tell `../compute/x` (another feature) from
 * `../x` (the same one) at different depths.
 */
const rule = {
  meta: {
    type: 'problem',
    messages: {
      deep: 'Import feature "{{feature}}" through its index.ts, not {{source}}.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const marker = `${path.sep}apps${path.sep}web${path.sep}src${path.sep}features${path.sep}`;
    const at = file.indexOf(marker);
    if (at === -1) return {};
    const featuresDir = file.slice(0, at + marker.length - 1);
    const own = path.relative(featuresDir, file).split(path.sep)[0];
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const parts = path.relative(featuresDir, path.resolve(path.dirname(file), source.value));
      const [feature, ...rest] = parts.split(path.sep);
      if (feature.startsWith('..') || feature === own) return;
      if (rest.length === 1 && rest[0] === 'index.ts') return;
      context.report({ node: source, messageId: 'deep', data: { feature, source: source.value } });
    };
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export const featureBarrels = { rules: { 'through-index': rule } };
