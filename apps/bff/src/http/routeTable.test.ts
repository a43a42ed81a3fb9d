import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpoints } from '@wheelhouse/contract/endpoints';
import { normalized, routeTable, tableIn } from './routeTable.ts';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

describe("the README's route table", () => {
  it('is the one generated from the declarations (run `npm run readme:routes` after changing one)', () => {
    expect(tableIn(readme)).toBe(normalized(routeTable(endpoints)));
  });

  it('lists every declared endpoint with its roles', () => {
    const table = tableIn(readme) ?? '';
    for (const endpoint of Object.values(endpoints)) {
      expect(table).toContain(`\`${endpoint.method.toUpperCase()} ${endpoint.path}\``);
    }
    expect(table).toContain(
      '|`POST /api/clusters/:accountId/:region/:name/nodegroups/:nodegroup/scaling`|admin, operator|202|',
    );
  });
});
