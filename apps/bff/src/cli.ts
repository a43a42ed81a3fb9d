import { parseArgs } from 'node:util';
import { Role } from '@wheelhouse/contract';
import { passwordProblem } from './auth/passwordRules.ts';
import { USER_NAME_RULE, isUserName } from './auth/userNames.ts';
import { createUserStore } from './auth/users.ts';
import { copyDatabase } from './db/copy.ts';
import { connectDatabase, databaseTarget, migrateDatabase } from './db/database.ts';
import { readEnv } from './env.ts';
import { DomainError } from './errors.ts';

const USAGE = `Usage:
  wheelhouse users add NAME --role admin|operator|auditor --password-stdin
  wheelhouse users list
  wheelhouse users remove NAME
  wheelhouse db migrate
  wheelhouse db copy --from sqlite:./.wheelhouse/wheelhouse.db --to postgres://...

Everything lives in the database WHEELHOUSE_DATABASE_URL names (sqlite:<path> or postgres://...);
unset, SQLite under WHEELHOUSE_DATA_DIR (default ./.wheelhouse).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline comes from `echo` or a here-string; it is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [group, command, name] = positionals;
  if (values.help || (group !== 'users' && group !== 'db') || !command) fail(USAGE);

  const env = readEnv();
  if (group === 'db') return databaseCommand(command, values, env.WHEELHOUSE_DATA_DIR);
  const db = await connectDatabase(
    databaseTarget(env.WHEELHOUSE_DATABASE_URL, env.WHEELHOUSE_DATA_DIR),
  );
  const users = createUserStore(db);
  try {
    switch (command) {
      case 'add': {
        if (!name) fail(`users add: NAME is required\n\n${USAGE}`);
        if (!isUserName(name)) fail(`users add: NAME may hold ${USER_NAME_RULE}`);
        const role = Role.safeParse(values.role);
        if (!role.success) fail('users add: --role must be admin, operator or auditor');
        if (!values['password-stdin'])
          fail('users add: give the password on stdin with --password-stdin');
        const password = await readStdin();
        const problem = passwordProblem(name, password);
        if (problem) fail(`users add: ${problem}`);
        await users.add(name, role.data, password);
        console.log(`Added user ${name} (${role.data}).`);
        break;
      }
      case 'list':
        for (const user of await users.list())
          console.log(`${user.name}\t${user.role}\t${user.createdAt}`);
        break;
      case 'remove':
        if (!name) fail(`users remove: NAME is required\n\n${USAGE}`);
        await users.remove(name);
        console.log(`Removed user ${name}.`);
        break;
      default:
        fail(USAGE);
    }
  } catch (error) {
    if (error instanceof DomainError) fail(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

async function databaseCommand(
  command: string,
  values: { from?: string | undefined; to?: string | undefined },
  dataDir: string,
): Promise<void> {
  if (command === 'migrate') {
    const env = readEnv();
    const { from, to } = await migrateDatabase(
      databaseTarget(env.WHEELHOUSE_DATABASE_URL, dataDir),
    );
    console.log(
      from === to
        ? `Database schema is at version ${to}; nothing to migrate.`
        : `Migrated the database schema from version ${from} to ${to}.`,
    );
    return;
  }
  if (command !== 'copy') fail(USAGE);
  if (!values.from || !values.to) fail(`db copy: --from and --to are required\n\n${USAGE}`);
  const source = await connectDatabase(databaseTarget(values.from, dataDir));
  try {
    const target = await connectDatabase(databaseTarget(values.to, dataDir));
    try {
      const counts = await copyDatabase(source, target);
      for (const [table, count] of Object.entries(counts)) console.log(`${table}\t${count}`);
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      console.log(`Copied ${total} rows (${counts.audit} audit entries).`);
    } finally {
      await target.close();
    }
  } catch (error) {
    fail((error as Error).message);
  } finally {
    await source.close();
  }
}

await main(process.argv.slice(2));
