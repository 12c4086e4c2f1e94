// One small driver layer over the three engines, so a cross-engine test is written once:
//   Chromium: Debian's chromium through playwright-core
//   Firefox:  Debian's firefox-esr through puppeteer-core (WebDriver BiDi; nothing downloaded)
//   WebKit:   Debian's WebKitWebDriver + MiniBrowser (webkit2gtk) through selenium-webdriver, under Xvfb
// Each engine gives sessions (a fresh profile each) with the same verbs: open, evaluate, waitFor,
// text, click, clickAt, focus, press, type, upload, screenshot, close.
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

  /** Polls fn(arg) in the page until it returns something truthy; returns that. */
  async waitFor(fn, arg = null, { timeout = 15000, what = String(fn).slice(0, 120) } = {}) {
    const until = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, arg);
        if (last) return last;
      } catch (error) {
        last = error; // the page may be navigating
      }
      if (Date.now() > until) throw new Error(`${this.engine}: timed out waiting for ${what} (last: ${last})`);
      await sleep(50);
    }
  }

  text(selector) {
    return this.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

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
  evaluate(fn, arg = null) { return this.page.evaluate(`(${asScript(fn)})(${JSON.stringify(arg)})`); }
  click(selector) { return this.page.click(selector); }
  async clickAt(selector, fraction) {
    const b = await this.box(selector);
    await this.page.mouse.click(b.x + b.width * fraction, b.y + b.height / 2);
  }
  press(key) { return this.page.keyboard.press(key); }
  type(selector, text) { return this.page.fill(selector, text); }
  upload(selector, file) { return this.page.setInputFiles(selector, file); }
  screenshot(file) { return this.page.screenshot({ path: file, fullPage: true }); }
  close() { return this.context.close(); }
}

/** Puppeteer's page has the same evaluate, mouse, keyboard and screenshot verbs as Playwright's. */
class PuppeteerSession extends PlaywrightSession {
  async open(url) { await this.page.goto(url, { waitUntil: 'load' }); }
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

