import { CSRF_HEADER, type SessionInfo } from '@wheelhouse/contract';

/** A browser-like HTTP client for integration tests: keeps the session cookie and sends the CSRF token. */
export class ConsoleClient {
  private readonly cookies = new Map<string, string>();
  session: SessionInfo | undefined;

  constructor(readonly baseUrl: string) {}

  /** Signs in and remembers the cookie and CSRF token; throws when sign-in fails. */
  async signIn(username: string, password: string): Promise<SessionInfo> {
    const response = await this.request('POST', '/api/session', { username, password });
    if (response.status !== 200) {
      throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
    }
    this.session = (await response.json()) as SessionInfo;
    return this.session;
  }

  /** Sends a request; mutations carry the CSRF token unless `csrf` says otherwise. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | null } = {},
    signal?: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = options.csrf === undefined ? this.session?.csrfToken : options.csrf;
    if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      ...(signal ? { signal } : {}),
      ...(body !== undefined
        ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
        : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  /** The `cookie` header this client sends, for tests that craft a request by hand. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async json<T>(path: string): Promise<T> {
    const response = await this.request('GET', path);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
