import { wildcardMatcher, type QueryFilter } from '../queryLists.ts';
import { ec2Errors } from './ec2Protocol.ts';

/**
 * Filters as EC2 applies them: values of one filter are ORed, filters are
 * ANDed, values may hold wildcards; `tag:<key>`, `tag-key` and `tag-value`
 * work on every resource with tags. An unknown filter name is refused.
 */

/** The values a resource has for a filter name (several for list-valued attributes). */
export type FilterAttributes<T> = Record<string, (item: T) => Array<string | undefined>>;

/** EC2's cap on filter values per call. */
const MAX_FILTER_VALUES = 200;

export function applyFilters<T>(
  items: T[],
  filters: QueryFilter[],
  attributes: FilterAttributes<T>,
  tagsOf: (item: T) => Record<string, string>,
): T[] {
  const total = filters.reduce((sum, filter) => sum + filter.values.length, 0);
  if (total > MAX_FILTER_VALUES) {
    throw ec2Errors.invalidParameterValue(
      `The maximum number of filter values specified on a single call is ${MAX_FILTER_VALUES}`,
    );
  }
  const predicates = filters.map((filter) => {
    const valuesOf = valuesFor(filter.name, attributes, tagsOf);
    const matchers = filter.values.map(wildcardMatcher);
    return (item: T) =>
      valuesOf(item).some(
        (value) => value !== undefined && matchers.some((matches) => matches(value)),
      );
  });
  return items.filter((item) => predicates.every((matches) => matches(item)));
}

function valuesFor<T>(
  name: string,
  attributes: FilterAttributes<T>,
  tagsOf: (item: T) => Record<string, string>,
): (item: T) => Array<string | undefined> {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return (item) => [tagsOf(item)[key]];
  }
  if (name === 'tag-key') return (item) => Object.keys(tagsOf(item));
  if (name === 'tag-value') return (item) => Object.values(tagsOf(item));
  const attribute = attributes[name];
  if (!attribute) throw ec2Errors.invalidFilter(name);
  return attribute;
}
