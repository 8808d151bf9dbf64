// A small W3C WebDriver client: just the endpoints the end-to-end tests use,
// over Node's built-in fetch, so the suite needs no npm packages.

/** W3C key codes for Element Send Keys (https://w3c.github.io/webdriver/#keyboard-actions). */
export const Key = {
  NULL: '\uE000', // releases held modifiers; WebKitWebDriver ignores keys after it
  BACK_SPACE: '\uE003',
  ENTER: '\uE007',
  SHIFT: '\uE008',
  CONTROL: '\uE009',
  END: '\uE010',
};

/** The key W3C uses for an element reference in JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    const what = value?.error ?? `HTTP ${status}`;
    super(`WebDriver ${method} ${path} failed: ${what}: ${value?.message ?? ''}`.trim());
    this.name = 'WebDriverError';
    this.status = status;
    this.error = value?.error;
  }
}

/** One HTTP call to a WebDriver server; resolves to the reply's `value`. */
async function call(baseUrl, method, path, body, timeoutMs = 60_000) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new WebDriverError(method, path, res.status, { message: text.slice(0, 300) });
  }
  if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

/** Resolves once the server answers GET /status, or rejects after `timeoutMs`. */
export async function waitForServer(baseUrl, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      return await call(baseUrl, 'GET', '/status', undefined, 2_000);
    } catch (error) {
      last = error;
      await sleep(100);
    }
  }
  throw new Error(`WebDriver server at ${baseUrl} did not answer /status: ${last?.message}`);
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `probe` until it returns something truthy; returns that value.
 * On timeout, throws with `describe()` (the last state seen) in the message.
 */
export async function waitFor(probe, { timeoutMs = 5_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last seen: ${seen})`);
    }
    await sleep(intervalMs);
  }
}

export class Element {
  constructor(session, id, selector) {
    this.session = session;
    this.id = id;
    this.selector = selector;
  }

  #path(suffix) {
    return `/element/${this.id}${suffix}`;
  }

  click() {
    return this.session.cmd('POST', this.#path('/click'), {});
  }

  clear() {
    return this.session.cmd('POST', this.#path('/clear'), {});
  }

  /** Types `text` as key presses; W3C key codes (Key.*) may be mixed in. */
  sendKeys(text) {
    return this.session.cmd('POST', this.#path('/value'), { text });
  }

  text() {
    return this.session.cmd('GET', this.#path('/text'));
  }

  attribute(name) {
    return this.session.cmd('GET', this.#path(`/attribute/${encodeURIComponent(name)}`));
  }

  property(name) {
    return this.session.cmd('GET', this.#path(`/property/${encodeURIComponent(name)}`));
  }

  selected() {
    return this.session.cmd('GET', this.#path('/selected'));
  }

  enabled() {
    return this.session.cmd('GET', this.#path('/enabled'));
  }
}

export class Session {
  constructor(baseUrl, id, capabilities) {
    this.baseUrl = baseUrl;
    this.id = id;
    this.capabilities = capabilities;
    this.closed = false;
  }

  /** New Session; `capabilities` goes into `alwaysMatch`. */
  static async create(baseUrl, capabilities) {
    const value = await call(baseUrl, 'POST', '/session', {
      capabilities: { alwaysMatch: capabilities },
    });
    return new Session(baseUrl, value.sessionId, value.capabilities);
  }

  cmd(method, path, body) {
    return call(this.baseUrl, method, `/session/${this.id}${path}`, body);
  }

  async find(selector) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
    return new Element(this, value[ELEMENT], selector);
  }

  async findAll(selector) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: selector });
    return value.map((v) => new Element(this, v[ELEMENT], selector));
  }

  /** Waits until an element matching `selector` exists, then returns it. */
  waitForElement(selector, timeoutMs = 10_000) {
    return waitFor(() => this.find(selector), { timeoutMs, what: `element ${selector}` });
  }

  /**
   * Presses keys together on whatever has the focus (WebDriver actions):
   * `keys` are held down in order, then let go in reverse.
   */
  async chord(...keys) {
    const down = keys.map((value) => ({ type: 'keyDown', value }));
    const up = [...keys].reverse().map((value) => ({ type: 'keyUp', value }));
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    await this.cmd('DELETE', '/actions');
  }

  /** Runs `script` (a function body) in the page; `args` arrive as `arguments`. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  title() {
    return this.cmd('GET', '/title');
  }

  windowHandles() {
    return this.cmd('GET', '/window/handles');
  }

  /** Close Window: asks the browser to close the current top-level browsing context. */
  closeWindow() {
    return this.cmd('DELETE', '/window');
  }

  /**
   * A PNG of the current viewport, as a Buffer. WebKit takes it at the
   * next repaint, and a still page (the app's caret does not blink) may not
   * repaint on its own: a few changes no one can see, just after the
   * request, ask for one.
   */
  async screenshot() {
    await this.execute(
      `const b = document.body;
       for (const ms of [50, 150, 400, 1000, 2500]) {
         setTimeout(() => { b.style.opacity = b.style.opacity === '0.999' ? '' : '0.999'; }, ms);
       }`,
    );
    return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64');
  }

  /** Delete Session; the native driver then closes the application. */
  async delete() {
    if (this.closed) return;
    this.closed = true;
    await call(this.baseUrl, 'DELETE', `/session/${this.id}`);
  }
}
