import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { endpoints } from '@wheelhouse/contract/endpoints';
import { routeTable, withRouteTable } from '../src/http/routeTable.ts';

// Writes the README's route table from the contract's declarations (checked by routeTable.test.ts).
const readmePath = fileURLToPath(new URL('../../../README.md', import.meta.url));
const readme = withRouteTable(readFileSync(readmePath, 'utf8'), routeTable(endpoints));
writeFileSync(readmePath, await format(readme, { parser: 'markdown', filepath: readmePath }));
console.log(`README.md: ${Object.keys(endpoints).length} routes`);
