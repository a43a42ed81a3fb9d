import type { Container, Pod } from '../objects/types.ts';

/** Where a shell's output goes and how it ends. */
export interface ShellIo {
  stdout(text: string): void;
  stderr(text: string): void;
  exit(code: number): void;
}

const SHELLS = new Set(['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash']);
const PROMPT = '/ # ';

/** The environment a container sees: its spec's env plus what the kubelet and image add. */
export function containerEnv(pod: Pod, container: Container): Array<[string, string]> {
  return [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', pod.metadata.name],
    ...(container.env ?? []).map((env): [string, string] => [env.name, env.value ?? '']),
    ['KUBERNETES_SERVICE_HOST', '172.20.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['HOME', '/root'],
  ];
}

/** The few files every container has, from its pod. */
function filesOf(pod: Pod, container: Container): Map<string, string> {
  const env = containerEnv(pod, container);
  const namespace = pod.metadata.namespace ?? 'default';
  return new Map([
    ['/etc/hostname', `${pod.metadata.name}\n`],
    [
      '/etc/hosts',
      `127.0.0.1\tlocalhost\n${pod.status.podIP ?? '127.0.0.1'}\t${pod.metadata.name}\n`,
    ],
    [
      '/etc/resolv.conf',
      `search ${namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 172.20.0.10\noptions ndots:5\n`,
    ],
    ['/etc/os-release', 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n'],
    ['/proc/1/environ', env.map(([name, value]) => `${name}=${value}\0`).join('')],
    ['/var/run/secrets/kubernetes.io/serviceaccount/namespace', namespace],
  ]);
}

/** Splits a command line into words, honouring single and double quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: '"' | "'" | undefined;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || current) out.push(current);
      current = '';
      started = false;
    } else current += char;
  }
  if (started || current) out.push(current);
  return out;
}

/**
 * A small shell in one container: `ls`, `cat` of its files and env, `echo`, `env`, `ps`, `pwd`,
 * `hostname`, `exit`; `sh` alone is interactive (with a prompt and, on a terminal, echo), `sh -c`
 * runs one line. Enough for `kubectl exec` and the console's terminal to have something real to do.
 */
export function createContainerShell(
  pod: Pod,
  container: Container,
  io: ShellIo,
  options: { tty: boolean },
) {
  const env = new Map(containerEnv(pod, container));
  const files = filesOf(pod, container);
  const newline = options.tty ? '\r\n' : '\n';
  const out = (text: string) => io.stdout(text.replace(/\n/g, newline));
  const err = (text: string) => io.stderr(text.replace(/\n/g, newline));
  let interactive = false;
  let line = '';
  let done = false;

  const expand = (word: string) =>
    word.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_m, name: string) => env.get(name) ?? '');

  const directories = () => {
    const dirs = new Set<string>(['/']);
    for (const path of files.keys()) {
      const parts = path.split('/').slice(1, -1);
      for (let i = 1; i <= parts.length; i++) dirs.add(`/${parts.slice(0, i).join('/')}`);
    }
    return dirs;
  };

  const finish = (code: number) => {
    if (done) return;
    done = true;
    io.exit(code);
  };

  /** Runs one command; returns its exit code, or undefined when it ended the shell. */
  function run(argv: string[]): number | undefined {
    const [name, ...args] = argv.map(expand);
    switch (name) {
      case undefined:
        return 0;
      case 'echo':
        out(`${args.join(' ')}\n`);
        return 0;
      case 'env':
        out([...env].map(([key, value]) => `${key}=${value}\n`).join(''));
        return 0;
      case 'pwd':
        out('/\n');
        return 0;
      case 'hostname':
        out(`${pod.metadata.name}\n`);
        return 0;
      case 'true':
        return 0;
      case 'false':
        return 1;
      case 'ps': {
        const main = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
        out(
          `PID   USER     TIME  COMMAND\n    1 root      0:00 ${main || container.image.split('/').pop()!.split(':')[0]}\n`,
        );
        return 0;
      }
      case 'ls': {
        const target = (args.find((arg) => !arg.startsWith('-')) ?? '/').replace(/(.)\/+$/, '$1');
        if (files.has(target)) {
          out(`${target}\n`);
          return 0;
        }
        if (!directories().has(target)) {
          err(`ls: ${target}: No such file or directory\n`);
          return 1;
        }
        const prefix = target === '/' ? '/' : `${target}/`;
        const entries = new Set<string>();
        for (const path of [...files.keys(), ...directories()]) {
          if (path.startsWith(prefix) && path !== target)
            entries.add(path.slice(prefix.length).split('/')[0]!);
        }
        out(`${[...entries].sort().join('\n')}\n`);
        return 0;
      }
      case 'cat': {
        let code = 0;
        for (const path of args) {
          const content = files.get(path);
          if (content === undefined) {
            err(`cat: can't open '${path}': No such file or directory\n`);
            code = 1;
          } else out(content);
        }
        return code;
      }
      case 'exit':
        finish(Number(args[0] ?? 0) || 0);
        return undefined;
      case 'sh':
      case 'bash':
      case 'ash':
      case '/bin/sh':
      case '/bin/bash':
      case '/bin/ash':
        if (args[0] === '-c') return runLine(args.slice(1).join(' '));
        return 0;
      default:
        err(`sh: ${name}: not found\n`);
        return 127;
    }
  }

  function runLine(text: string): number | undefined {
    let code: number | undefined = 0;
    for (const part of text.split(/;|&&/)) {
      code = run(words(part));
      if (code === undefined) return undefined;
    }
    return code;
  }

  return {
    /** Starts the command the exec asked for. */
    start(command: string[]): void {
      const [first, ...rest] = command;
      if (first !== undefined && SHELLS.has(first) && rest.length === 0) {
        interactive = true;
        out(PROMPT);
        return;
      }
      const code = run(command);
      if (code !== undefined) finish(code);
    },
    /** Bytes from stdin: lines for the interactive shell. */
    input(data: string): void {
      if (!interactive || done) return;
      for (const char of data) {
        if (char === '\r' || char === '\n') {
          if (options.tty) out('\n');
          const text = line;
          line = '';
          const code = runLine(text);
          if (code === undefined) return;
          out(PROMPT);
        } else if (char === '\x7f' || char === '\b') {
          if (line.length > 0) {
            line = line.slice(0, -1);
            if (options.tty) io.stdout('\b \b');
          }
        } else if (char === '\x03') {
          line = '';
          if (options.tty) out('^C\n');
          out(PROMPT);
        } else if (char === '\x04') {
          if (line === '') return finish(0);
        } else {
          line += char;
          if (options.tty) io.stdout(char);
        }
      }
    },
    /** Stdin ended: an interactive shell exits as sh does at end of input. */
    endInput(): void {
      if (interactive) finish(0);
    },
  };
}
