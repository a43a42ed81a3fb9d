/**
 * A browser stand-in for SSO tests: a cookie jar that honours each cookie's path (the console and the
 * identity provider share 127.0.0.1, as cookies ignore ports), redirects seen one at a time.
 */
export class OidcTestBrowser {
  private readonly cookies = new Map<string, { value: string; path: string }>();

  /** One request, redirects not followed, cookies sent and stored as a browser would. */
  async request(
    url: string | URL,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const target = new URL(url);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = [...this.cookies]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      redirect: 'manual',
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const path =
        attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? target.pathname;
      const expired = attributes.some(
        (a) => a.toLowerCase().startsWith('expires=') && Date.parse(a.slice(8)) <= Date.now(),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
    return response;
  }

  /** Where a redirect answer points, resolved against the URL that answered it. */
  static location(response: Response, from: string | URL): URL {
    const location = response.headers.get('location');
    if (!location || response.status < 300 || response.status > 399) {
      throw new Error(`expected a redirect from ${String(from)}, got ${response.status}`);
    }
    return new URL(location, from);
  }

  /** Follows redirects until one leaves `origin` (or a page answers); returns the last answer and its URL. */
  async followWithin(start: URL, origin: string): Promise<{ url: URL; response: Response }> {
    let url = start;
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.request(url);
      if (response.status < 300 || response.status > 399) return { url, response };
      const next = OidcTestBrowser.location(response, url);
      await response.body?.cancel();
      if (next.origin !== origin) return { url: next, response };
      url = next;
    }
    throw new Error(`too many redirects from ${start.href}`);
  }

  /**
   * Starts a sign-in at the console and signs in at the provider's own form (unless the provider
   * already knows this browser); returns the console callback URL the provider sent the browser to,
   * not yet visited.
   */
  async throughProvider(
    consoleUrl: string,
    issuer: string,
    user: { username: string; password: string },
    next = '/clusters',
  ): Promise<URL> {
    const login = new URL(`/api/auth/oidc/login?next=${encodeURIComponent(next)}`, consoleUrl);
    const atProvider = OidcTestBrowser.location(await this.request(login), login);
    if (atProvider.origin !== issuer)
      throw new Error(`login sent the browser to ${atProvider.href}`);
    const form = await this.followWithin(atProvider, issuer);
    // Already signed in at the provider (single sign-on): it sends the browser straight back.
    if (form.url.origin !== issuer) return form.url;
    const html = await form.response.text();
    if (form.response.status !== 200 || !html.includes('<form')) {
      throw new Error(`no sign-in form at ${form.url.href}: ${form.response.status}`);
    }
    const submitted = new URL(`${form.url.pathname}/login`, issuer);
    const answer = await this.request(submitted, { form: user });
    const back = await this.followWithin(OidcTestBrowser.location(answer, submitted), issuer);
    if (back.url.origin !== new URL(consoleUrl).origin) {
      throw new Error(`the provider did not send the browser back: ${back.url.href}`);
    }
    return back.url;
  }

  /** Drops a cookie, as when a user clears it or another browser sends the request. */
  forget(name: string): void {
    this.cookies.delete(name);
  }

  /** The value of a cookie the browser holds. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }
}
