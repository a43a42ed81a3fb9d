/** What the banner needs to know of the running console. */
export interface BannerFacts {
  url: string;
  backend: 'sandbox' | 'aws';
  demoPassword?: string;
}

/**
 * The lines printed once the console answers: where to open it and how to sign in. It repeats the
 * demo sign-in as the last thing before request logs, so it is the line a person finds on screen.
 */
export function readyBanner(facts: BannerFacts): string {
  const signIn = facts.demoPassword
    ? `admin, operator or auditor; password: ${facts.demoPassword}`
    : 'a console user (npm run wheelhouse -- users add NAME --role ROLE --password-stdin)';
  const rows = [`Open     ${facts.url}`, `Sign in  ${signIn}`];
  const width = Math.max(...rows.map((row) => row.length)) + 2;
  const title = ' Wheelhouse is ready ';
  return [
    `┌─${title}${'─'.repeat(Math.max(0, width - title.length - 1))}┐`,
    ...rows.map((row) => `│ ${row.padEnd(width - 2)} │`),
    `└${'─'.repeat(width)}┘`,
  ].join('\n');
}
