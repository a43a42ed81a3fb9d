import { z } from 'zod';
import { SourceError } from './common.ts';
import { parseLabelSelector, type LabelRequirement } from './labelSelector.ts';
import { text } from './text.ts';

/** What fleet search finds, in the order its groups are shown. */
export const SEARCH_KINDS = ['cluster', 'nodegroup', 'namespace', 'workload', 'pod'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

/** Results kept per kind; past it the answer says the kind was capped. */
export const SEARCH_CAP_PER_KIND = 50;

/** How a query is read: a label selector (sent to each cluster as such) or a piece of a name. */
export type SearchTerms =
  | { mode: 'label'; selector: string; requirements: LabelRequirement[] }
  | { mode: 'name'; text: string };

const LABEL_PREFIX = /^label:\s*/i;

/**
 * How fleet search reads a query. A selector is anything with `=`, `!`, ` in (`/` notin (`, a
 * `prefix/key` (no Kubernetes name holds a slash) or a `label:` prefix (`label:team` asks for the
 * key alone); everything else is a piece of a name. Undefined: it looks like a selector but is not one.
 */
export function searchTermsOf(query: string): SearchTerms | undefined {
  const trimmed = query.trim();
  const prefixed = LABEL_PREFIX.test(trimmed);
  const body = trimmed.replace(LABEL_PREFIX, '');
  const looksLikeSelector =
    prefixed || /[=!]/.test(body) || /\s(not)?in\s*\(/.test(body) || body.includes('/');
  if (!looksLikeSelector) return { mode: 'name', text: body.toLowerCase() };
  const requirements = parseLabelSelector(body);
  if (!requirements || requirements.length === 0) return undefined;
  // Re-written in the API server's own syntax, so every cluster gets the same selector.
  const selector = requirements
    .map((r) => {
      if (!('values' in r)) return r.op === 'exists' ? r.key : `!${r.key}`;
      return r.values.length === 1
        ? `${r.key}${r.op === 'in' ? '=' : '!='}${r.values[0]}`
        : `${r.key} ${r.op} (${r.values.join(',')})`;
    })
    .join(',');
  return { mode: 'label', selector, requirements };
}

/** `GET /api/search?q=&kinds=`: `kinds` is a comma list (default: every kind). */
export const SearchQuery = z.object({
  q: text
    .trim()
    .min(1, 'type something to search for')
    .max(200, 'must be at most 200 characters')
    .refine((q) => searchTermsOf(q) !== undefined, {
      message:
        'is not a label selector Kubernetes accepts (e.g. app=web, tier in (a,b), !canary, label:team)',
    }),
  kinds: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return [...SEARCH_KINDS];
      const kinds = value.split(',').map((kind) => kind.trim());
      const unknown = kinds.filter((kind) => !(SEARCH_KINDS as readonly string[]).includes(kind));
      if (unknown.length) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown kind ${unknown.join(', ')}; kinds are ${SEARCH_KINDS.join(', ')}`,
        });
        return z.NEVER;
      }
      return kinds as SearchKind[];
    }),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** One thing fleet search found, with where it lives and the console page that shows it. */
export const SearchHit = z.object({
  kind: SearchKind,
  name: z.string(),
  namespace: z.string().optional(),
  /** For workloads: Deployment, StatefulSet, DaemonSet, Job or CronJob. */
  workloadKind: z.string().optional(),
  accountId: z.string(),
  accountName: z.string().optional(),
  region: z.string(),
  cluster: z.string(),
  /** Kubernetes labels (cluster tags for clusters). */
  labels: z.record(z.string(), z.string()).optional(),
  /** The console path that opens it, e.g. `/clusters/…/pods/shop/web-1`. */
  href: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Fleet search: hits grouped by kind in SEARCH_KINDS order, plus the clusters that did not answer. */
export const SearchResult = z.object({
  items: z.array(SearchHit),
  errors: z.array(SourceError),
  /** How the query was read. */
  mode: z.enum(['label', 'name']),
  /** Kinds with more hits than SEARCH_CAP_PER_KIND; only the first ones are in `items`. */
  capped: z.array(SearchKind),
  /** Clusters whose Kubernetes API was asked (serving ones only). */
  clustersSearched: z.number().int(),
});
export type SearchResult = z.infer<typeof SearchResult>;
