import type {
  FargateMatch,
  FargateOverlap,
  FargateProfile,
  FargateSelector,
} from '@wheelhouse/contract';

// Fargate selectors accept `*` and `?` wildcards in namespaces and label values.
function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}
const hasWildcard = (text: string) => /[*?]/.test(text);
const literalPrefix = (glob: string) => glob.split(/[*?]/)[0] ?? '';
const literalSuffix = (glob: string) => glob.split(/[*?]/).at(-1) ?? '';

/** True when some string matches both patterns (exact for literals; prefix/suffix test when both are globs). */
export function patternsIntersect(a: string, b: string): boolean {
  if (!hasWildcard(a)) return globToRegExp(b).test(a);
  if (!hasWildcard(b)) return globToRegExp(a).test(b);
  const [pa, pb] = [literalPrefix(a), literalPrefix(b)];
  const [sa, sb] = [literalSuffix(a), literalSuffix(b)];
  return (pa.startsWith(pb) || pb.startsWith(pa)) && (sa.endsWith(sb) || sb.endsWith(sa));
}

/** Whether a pod in `namespace` with `labels` is selected: namespace matches and every selector label is on the pod. */
export function selectorMatches(
  selector: FargateSelector,
  namespace: string,
  labels: Record<string, string>,
): boolean {
  if (!globToRegExp(selector.namespace).test(namespace)) return false;
  return Object.entries(selector.labels ?? {}).every(
    ([key, value]) => labels[key] !== undefined && globToRegExp(value).test(labels[key]),
  );
}

/** Two selectors can select one pod unless their namespaces cannot meet or they require different values of a label. */
function selectorsOverlap(a: FargateSelector, b: FargateSelector): boolean {
  if (!patternsIntersect(a.namespace, b.namespace)) return false;
  const bLabels = b.labels ?? {};
  return Object.entries(a.labels ?? {}).every(
    ([key, value]) => bLabels[key] === undefined || patternsIntersect(value, bLabels[key]),
  );
}

/** Pairs of profiles that can both match one pod (EKS then picks one at random). */
export function findOverlaps(profiles: FargateProfile[]): FargateOverlap[] {
  const overlaps: FargateOverlap[] = [];
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) {
      const [a, b] = [profiles[i]!, profiles[j]!];
      const pair = a.selectors
        .flatMap((sa) => b.selectors.map((sb) => [sa, sb] as const))
        .find(([sa, sb]) => selectorsOverlap(sa, sb));
      if (pair) {
        const [sa, sb] = pair;
        overlaps.push({
          profiles: [a.name, b.name],
          namespace: hasWildcard(sa.namespace) ? sb.namespace : sa.namespace,
          labels: { ...(sb.labels ?? {}), ...(sa.labels ?? {}) },
        });
      }
    }
  }
  return overlaps;
}

/** Which profiles would take a pod; only ACTIVE profiles schedule pods. */
export function matchPod(
  profiles: FargateProfile[],
  namespace: string,
  labels: Record<string, string>,
): FargateMatch {
  const matches = profiles
    .filter((profile) => profile.status === 'ACTIVE')
    .flatMap((profile) => {
      const index = profile.selectors.findIndex((selector) =>
        selectorMatches(selector, namespace, labels),
      );
      return index >= 0 ? [{ profile: profile.name, selectorIndex: index }] : [];
    });
  return { matches, random: matches.length > 1 };
}
