import { readEnv } from './env.ts';
import { readyBanner } from './readyBanner.ts';
import { startWheelhouse } from './server.ts';

const wheelhouse = await startWheelhouse().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

console.log(`Wheelhouse is running at ${wheelhouse.url} (backend: ${wheelhouse.backend})`);
if (wheelhouse.sandbox) {
  console.log(`Demo sign-ins: admin, operator, auditor; password: ${wheelhouse.demoPassword}`);
  if (wheelhouse.demoSso) {
    const users = wheelhouse.demoSso.users.map((u) => `${u.username} (${u.groups.join(', ')})`);
    console.log(
      `Demo SSO at ${wheelhouse.demoSso.issuer}: ${users.join(', ')}; same password ("Sign in with Demo SSO")`,
    );
  }
  console.log(`Sandbox AWS endpoint: ${wheelhouse.sandbox.endpoint}`);
}
console.log(readyBanner(wheelhouse));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  console.log('Shutting down: finishing changes in flight');
  wheelhouse.shutdown().then(
    ({ timedOut, unfinished }) => {
      if (timedOut) {
        console.error(
          `Stopped with ${unfinished} change(s) still running after WHEELHOUSE_SHUTDOWN_GRACE`,
        );
      }
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
// Used by test runners that start the console as a child: it stops when they go away, however they end.
if (readEnv().WHEELHOUSE_EXIT_ON_STDIN_END) process.stdin.on('end', stop).resume();
process.on('SIGTERM', stop);
