import { describe, expect, it } from 'vitest';
import { paginate } from './pagination.ts';

const names = Array.from({ length: 250 }, (_, index) => `c-${String(index).padStart(3, '0')}`);

describe('paginate', () => {
  it('walks every item exactly once, 100 at a time by default', () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = paginate(names, (name) => name, token ? { nextToken: token } : {});
      seen.push(...page.items);
      token = page.nextToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
  });

  it('keeps its place when items are added or removed between pages', () => {
    const first = paginate(names, (name) => name, { maxResults: 10 });
    const changed = names.filter((name) => name !== 'c-010').concat('c-000a');
    const second = paginate(changed, (name) => name, {
      maxResults: 10,
      nextToken: first.nextToken!,
    });
    expect(second.items[0]).toBe('c-011');
  });

  it('rejects maxResults outside 1..100 and tokens it did not issue', () => {
    for (const maxResults of [0, 101, 2.5]) {
      expect(() => paginate(names, (name) => name, { maxResults })).toThrow(
        expect.objectContaining({ code: 'InvalidParameterException', status: 400 }),
      );
    }
    expect(() => paginate(names, (name) => name, { nextToken: 'garbage!' })).toThrow(
      /nextToken provided is invalid/,
    );
  });
});
