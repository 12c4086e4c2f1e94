// One small driver layer over the three engines, so a cross-engine test is written once:
//   Chromium: Debian's chromium through playwright-core
//   Firefox:  Debian's firefox-esr through puppeteer-core (WebDriver BiDi; nothing downloaded)
//   WebKit:   Debian's WebKitWebDriver + MiniBrowser (webkit2gtk) through selenium-webdriver, under Xvfb
// Each engine gives sessions (a fresh profile each) with the same verbs: open, reload, evaluate,
// waitFor, waitForSelector, text, value, attr, count, visible, rect, title, mapAll, named, field,
// click, clickNamed, clickAt, focus, press, typeKeys, type, select, upload, screenshot, close.
// The browser tests drive pages with these verbs; a Chromium-only test takes them over its
// Playwright page with sessionOf(page).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { launch } from './browser.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const asScript = (fn) => (typeof fn === 'function' ? fn.toString() : `() => (${fn})`);

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Verbs every session has, built on three primitives: evaluate, key, and element actions. */
class Session {
  constructor(engine) { this.engine = engine; }

  /**
   * Polls fn(arg) in the page until it returns something truthy; returns that (30 s at most, as
   * Playwright's default). The polling runs inside the page, at each frame (or every 100 ms where
   * frames do not come: a tab in the background), a few seconds per call: a round trip from here
   * every 50 ms kept the page from ever being idle, and what it does when idle never ran.
   */
  async waitFor(fn, arg = null, { timeout = 30000, what = String(fn).slice(0, 120) } = {}) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      const budget = Math.max(0, Math.min(5000, until - Date.now()));
      const poll = `(async () => {
        const f = (${asScript(fn)});
        const a = ${JSON.stringify(arg)};
        const until = performance.now() + ${budget};
        for (;;) {
          const v = await f(a);
          if (v || performance.now() >= until) return [v];
          await new Promise((r) => { const t = setTimeout(r, 100); requestAnimationFrame(() => { clearTimeout(t); r(); }); });
        }
      })()`;
      try {
        [last] = await this.evaluate(poll);
        if (last) return last;
      } catch (error) {
        last = error; // the page may be navigating
        await sleep(50);
      }
      if (Date.now() >= until) throw new Error(`${this.engine}: timed out waiting for ${what} (last: ${last})`);
    }
  }

  // text, value and attr wait for the element to exist (as Playwright's own do), and read it in
  // the same call that finds it.

  /** The text of the first element the selector finds. */
  async text(selector) {
    const found = await this.waitFor((s) => {
      const el = document.querySelector(s);
      return el && [el.textContent];
    }, selector, { what: selector });
    return found[0];
  }

  /** A form control's value. */
  async value(selector) {
    return (await this.waitFor((s) => {
      const el = /** @type {HTMLInputElement | null} */ (document.querySelector(s));
      return el && [el.value];
    }, selector, { what: selector }))[0];
  }

  /** An attribute of the first element the selector finds (null where the attribute is missing). */
  async attr(selector, name) {
    const found = await this.waitFor(([s, n]) => {
      const el = document.querySelector(s);
      return el && [el.getAttribute(n)];
    }, [selector, name], { what: selector });
    return found[0];
  }

  /** How many elements the selector finds. */
  count(selector) {
    return this.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  /** Whether the first element the selector finds is rendered (false where there is none). */
  visible(selector) {
    return this.evaluate((s) => {
      const el = document.querySelector(s);
      if (!el) return false;
      if (el.checkVisibility) return el.checkVisibility();
      const r = el.getBoundingClientRect();
      return r.width > 0 || r.height > 0;
    }, selector);
  }

  /** The first matching element's box in viewport pixels, as it is (nothing scrolls); null where there is none. */
  rect(selector) {
    return this.evaluate((s) => {
      const r = document.querySelector(s)?.getBoundingClientRect();
      return r ? { x: r.left, y: r.top, width: r.width, height: r.height } : null;
    }, selector);
  }

  /** Chooses the option `value` of a select, as a reader's choice does (its input and change events). */
  async select(selector, value) {
    await this.waitForSelector(selector);
    return this.evaluate(([s, v]) => {
      const el = /** @type {HTMLSelectElement} */ (document.querySelector(s));
      el.focus();
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }, [selector, value]);
  }

  /** The document's title. */
  title() {
    return this.evaluate(() => document.title);
  }

  /** Waits until the selector finds an element; returns nothing. */
  async waitForSelector(selector, options = {}) {
    await this.waitFor((s) => document.querySelector(s) !== null, selector, { what: selector, ...options });
  }

  /**
   * A selector for the button (or link) whose visible name is `name` (a string, whole, or a RegExp;
   * its text, or its aria-label),
   * among the shown elements the selector `within` finds: marks it with data-e2e, so every engine
   * clicks the very element; waits for it as waitFor does.
   */
  async named(name, within = 'button, a[href], [role=button], summary', { includeHidden = false, ...options } = {}) {
    // A RegExp name travels as its source and flags (arguments cross as JSON).
    const wanted = name instanceof RegExp ? { re: name.source, flags: name.flags } : name;
    const mark = await this.waitFor(([n, w, all]) => {
      const norm = (t) => (t ?? '').replace(/\s+/g, ' ').trim();
      const matches = typeof n === 'string' ? (t) => t === n : (t) => new RegExp(n.re, n.flags).test(t);
      // Its name, as a screen reader reads it: aria-label, aria-labelledby, its label, its text
      // (without what is aria-hidden).
      const textOf = (e) => [...e.childNodes].map((c) => {
        if (c.nodeType === Node.TEXT_NODE) return c.textContent;
        return c.nodeType === Node.ELEMENT_NODE && c.getAttribute('aria-hidden') !== 'true' ? textOf(c) : '';
      }).join('');
      const nameOf = (e) => {
        if (e.hasAttribute('aria-label')) return e.getAttribute('aria-label');
        const by = e.getAttribute('aria-labelledby');
        if (by) return by.split(/\s+/).map((id) => { const l = document.getElementById(id); return l ? textOf(l) : ''; }).join(' ');
        const label = e.labels?.[0];
        if (label) return textOf(label);
        return textOf(e);
      };
      // Shown ones only, as a reader (or a screen reader) finds them (unless includeHidden: a value
      // read from a folded part).
      const shown = (e) => (e.checkVisibility ? e.checkVisibility() : e.getClientRects().length > 0);
      const el = [...document.querySelectorAll(w)].find((e) => matches(norm(nameOf(e))) && (all || shown(e)));
      if (!el) return null;
      const id = String(Number(document.documentElement.dataset.e2eMarks ?? 0) + 1);
      document.documentElement.dataset.e2eMarks = id;
      el.setAttribute('data-e2e', id);
      return id;
    }, [wanted, within, includeHidden], { what: `an element named “${name}” among ${within}`, ...options });
    return `[data-e2e="${mark}"]`;
  }

  /** A selector for the form control (input, select, textarea) named `name` (its label; see named). */
  field(name, options = {}) {
    return this.named(name, 'input, select, textarea', options);
  }

  /** What fn returns for the array of every element the selector finds (Playwright's $$eval). */
  mapAll(selector, fn) {
    return this.evaluate(new Function('s', `return (${fn.toString()})([...document.querySelectorAll(s)]);`), selector);
  }

  /** Clicks the button (or link) named `name` (see named). */
  async clickNamed(name, within, { timeout = 30000 } = {}) {
    // The page may draw that part anew between finding the element and clicking it (a new button
    // without the mark), or the element may not yet take a click (moving, covered, disabled): it is
    // found again and tried again until the time is up, as Playwright's locators do.
    const until = Date.now() + timeout;
    for (;;) {
      const selector = await this.named(name, within, { timeout: Math.max(1000, until - Date.now()) });
      try {
        await this.click(selector, { timeout: Math.min(5000, Math.max(1000, until - Date.now())) });
        return;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
    }
  }

  /**
   * Scrolls the element into view, as a reader does, and waits two frames (or 100 ms where
   * frames do not come): whatever watches the viewport (a widget that draws when near) has seen it.
   */
  scrollTo(selector) {
    return this.evaluate(async (s) => {
      document.querySelector(s).scrollIntoView({ block: 'nearest' });
      const frame = () => new Promise((r) => { const t = setTimeout(r, 100); requestAnimationFrame(() => { clearTimeout(t); r(); }); });
      await frame();
      await frame();
      return true;
    }, selector);
  }

  /** A finger's tap where the engine has touch; a click where it does not. */
  tap(selector) { return this.click(selector); }

  focus(selector) {
    return this.evaluate((s) => { document.querySelector(s).focus(); return true; }, selector);
  }

  /** The centre of an element's box plus a fraction of its width, in viewport pixels. */
  box(selector) {
    // Measured after two frames, so a render the last input scheduled has moved things already.
    return this.evaluate(async (s) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      await frame();
      await frame();
      const el = document.querySelector(s);
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }, selector);
  }
}

class PlaywrightSession extends Session {
  constructor(engine, context, page) {
    super(engine);
    this.context = context;
    this.page = page;
  }

  async open(url) { await this.page.goto(url); }
  async reload() { await this.page.reload(); }
  evaluate(fn, arg = null) { return this.page.evaluate(`(${asScript(fn)})(${JSON.stringify(arg)})`); }
  /**
   * The verbs inside the iframe the selector finds, once its document has loaded (keys and the
   * mouse stay the top page's: they go wherever the focus is).
   */
  async frame(selector) {
    // (Playwright's own wait: its selectors reach into shadow roots, where a widget keeps its iframe.)
    const frame = await (await this.page.waitForSelector(selector)).contentFrame();
    await frame.waitForLoadState?.('load');
    const inner = new PlaywrightSession(this.engine, this.context, frame);
    inner.top = this.top ?? this.page;
    return inner;
  }
  click(selector, { timeout = undefined } = {}) { return this.page.click(selector, timeout ? { timeout } : {}); }
  async clickAt(selector, fraction) {
    const b = await this.box(selector);
    await (this.top ?? this.page).mouse.click(b.x + b.width * fraction, b.y + b.height / 2);
  }
  /** A finger's tap (the context must have touch). */
  tap(selector) { return this.page.tap(selector); }
  press(key) { return (this.top ?? this.page).keyboard.press(key); }
  /** Types text into whatever has the focus, key by key. */
  typeKeys(text) { return (this.top ?? this.page).keyboard.type(text); }
  type(selector, text) { return this.page.fill(selector, text); }
  upload(selector, file) { return this.page.setInputFiles(selector, file); }
  screenshot(file) { return this.page.screenshot({ path: file, fullPage: true }); }
  close() { return this.context.close(); }
}

/** Puppeteer's page has the same evaluate, mouse, keyboard and screenshot verbs as Playwright's. */
class PuppeteerSession extends PlaywrightSession {
  async open(url) { await this.page.goto(url, { waitUntil: 'load' }); }
  async reload() { await this.page.reload({ waitUntil: 'load' }); }
  async click(selector) {
    await this.box(selector);
    await this.page.click(selector);
  }
  async type(selector, text) {
    await this.evaluate((s) => { const el = document.querySelector(s); el.focus(); el.select?.(); return true; }, selector);
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }
  async upload(selector, file) { await (await this.page.$(selector)).uploadFile(file); }
}

const SELENIUM_KEYS = { Home: 'HOME', End: 'END', ArrowLeft: 'ARROW_LEFT', ArrowRight: 'ARROW_RIGHT', ArrowUp: 'ARROW_UP', ArrowDown: 'ARROW_DOWN', PageUp: 'PAGE_UP', PageDown: 'PAGE_DOWN', Enter: 'ENTER', Tab: 'TAB', Space: 'SPACE', Backspace: 'BACK_SPACE' };

class SeleniumSession extends Session {
  constructor(engine, driver, webdriver) {
    super(engine);
    this.driver = driver;
    this.wd = webdriver;
  }

  async open(url) { await this.driver.get(url); }
  async reload() { await this.driver.navigate().refresh(); }
  evaluate(fn, arg = null) {
    // W3C Execute Script awaits a returned promise.
    return this.driver.executeScript(`return (${asScript(fn)})(arguments[0]);`, arg);
  }
  async click(selector) {
    await this.box(selector);
    await (await this.driver.findElement(this.wd.By.css(selector))).click();
  }
  async clickAt(selector, fraction) {
    const b = await this.box(selector); // scrolled into view first, so viewport coordinates hold
    await this.driver.actions({ async: true })
      .move({ origin: 'viewport', x: Math.round(b.x + b.width * fraction), y: Math.round(b.y + b.height / 2) }).click().perform();
  }
  async press(key) {
    const k = this.wd.Key[SELENIUM_KEYS[key]] ?? key;
    await this.driver.actions({ async: true }).sendKeys(k).perform();
  }
  async typeKeys(text) {
    await this.driver.actions({ async: true }).sendKeys(text).perform();
  }
  async type(selector, text) {
    const el = await this.driver.findElement(this.wd.By.css(selector));
    await el.clear();
    await el.sendKeys(text);
  }
  async upload(selector, file) {
    await (await this.driver.findElement(this.wd.By.css(selector))).sendKeys(file);
  }
  async screenshot(file) {
    fs.writeFileSync(file, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
  }
  close() { return this.driver.quit(); }
}

/**
 * The verbs over a Playwright page a Chromium-only test already has (it keeps the page for what
 * only Chromium's driver does: downloads, PDF, routes, the devtools protocol).
 * @param {import('playwright-core').Page} page
 */
export function sessionOf(page) {
  return new PlaywrightSession('chromium', page.context(), page);
}

/**
 * Starts an engine; returns {name, session(), close()}. session() opens a fresh profile (a new
 * browser context, or a new WebDriver session for WebKit) at the given viewport.
 */
export async function startEngine(name, { width = 1200, height = 900 } = {}) {
  if (name === 'chromium') {
    const browser = await launch();
    return {
      name,
      async session() {
        const context = await browser.newContext({ viewport: { width, height } });
        return new PlaywrightSession(name, context, await context.newPage());
      },
      close: () => browser.close(),
    };
  }
  if (name === 'firefox') {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
      defaultViewport: { width, height },
      extraPrefsFirefox: { 'dom.serviceWorkers.testing.enabled': true, 'network.proxy.type': 0 },
    });
    return {
      name,
      async session() {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width, height });
        return new PuppeteerSession(name, context, page);
      },
      close: () => browser.close(),
    };
  }
  if (name === 'webkit') {
    const webdriver = await import('selenium-webdriver');
    const port = await freePort();
    const driverProcess = spawn('xvfb-run', ['-a', '-s', `-screen 0 ${width + 100}x${height + 200}x24`, 'WebKitWebDriver', `--port=${port}`],
      { stdio: 'ignore', detached: true });
    const stop = () => { try { process.kill(-driverProcess.pid, 'SIGTERM'); } catch { /* already gone */ } };
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
        s.on('error', () => resolve(false));
      });
      if (ok) break;
      await sleep(100);
    }
    return {
      name,
      async session() {
        // Each session is a fresh MiniBrowser with its own (ephemeral) data directory.
        const caps = new webdriver.Capabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--geometry=${width}x${height}`] },
        });
        const driver = await new webdriver.Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
        await driver.manage().window().setRect({ width, height }).catch(() => {});
        return new SeleniumSession(name, driver, webdriver);
      },
      close: async () => stop(),
    };
  }
  throw new Error(`unknown engine ${name}`);
}

