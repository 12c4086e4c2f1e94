// <jobzone-score>: a role's score card, or a small live calculator, for any web page.
// One module script; the card lives in Shadow DOM (styled through ::part and --jobzone-*
// properties); the wasm and the role data load once per page, however many widgets it holds.
import { loadEngine } from './engine.js';
import { decodeLink } from './share-link.js';
import { h, s } from './dom.js';
import { score1, signed } from './format.js';
import { listenForFrameHeights } from './frame-heights.js';

const base = new URL('../', import.meta.url); // the site this script came from
const fetched = new Map();
const fetchJson = (url) => {
  if (!fetched.has(url)) {
    fetched.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    }));
  }
  return fetched.get(url);
};

const CSS = `
:host { display: block !important; max-width: var(--jobzone-max-width, 380px) !important; margin: var(--jobzone-margin, 12px 0) !important; }
:host([hidden]) { display: none !important; }
.card { all: initial; box-sizing: border-box; display: block; font-family: var(--jobzone-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: 15px; line-height: 1.4; color: var(--jobzone-text, #1b1f24); background: var(--jobzone-background, #fff);
  border: 1px solid var(--jobzone-border, #d8dee4); border-radius: var(--jobzone-radius, 10px); padding: 14px 16px; text-align: left; }
.card * { box-sizing: border-box; }
.dark { color: var(--jobzone-text, #e6edf3); background: var(--jobzone-background, #161b22); border-color: var(--jobzone-border, #30363d); }
@media (prefers-color-scheme: dark) { .auto { color: var(--jobzone-text, #e6edf3); background: var(--jobzone-background, #161b22); border-color: var(--jobzone-border, #30363d); } }
.title { display: block; font-weight: 600; font-size: 15px; margin: 0 0 6px; }
.row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.score { font-size: 34px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.of { font-size: 13px; opacity: .75; }
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px; font-weight: 600; font-size: 13px; border: 1px solid currentColor; }
.badge::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.GREEN { color: #1a7f37; background: #dafbe1; } .YELLOW { color: #7d5400; background: #fff8c5; } .RED { color: #b4232c; background: #ffebe9; }
.dark .GREEN { color: #56d364; background: #12361c; } .dark .YELLOW { color: #e3b341; background: #3a2d05; } .dark .RED { color: #ff7b72; background: #4a1519; }
@media (prefers-color-scheme: dark) { .auto .GREEN { color: #56d364; background: #12361c; } .auto .YELLOW { color: #e3b341; background: #3a2d05; } .auto .RED { color: #ff7b72; background: #4a1519; } }
svg.bar { display: block; width: 100%; height: 28px; margin: 10px 0 4px; overflow: visible; }
.b-GREEN { fill: #4ac26b; } .b-YELLOW { fill: #eac54f; } .b-RED { fill: #ff8182; } .mark { fill: currentColor; }
.foot { display: flex; justify-content: space-between; gap: 8px; font-size: 12px; opacity: .85; margin-top: 4px; }
a { color: var(--jobzone-link, #0b5cad); text-decoration: underline; }
.dark a { color: var(--jobzone-link, #58a6ff); }
@media (prefers-color-scheme: dark) { .auto a { color: var(--jobzone-link, #58a6ff); } }
.calc { border-top: 1px solid var(--jobzone-border, #d8dee4); margin-top: 10px; padding-top: 8px; display: grid; gap: 6px; }
.calc .ctl { display: grid; grid-template-columns: 1fr 2.6em; gap: 2px 8px; font-size: 13px; align-items: center; }
.calc input { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--jobzone-accent, #0b5cad); }
.calc output { text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
:focus-visible { outline: 3px solid var(--jobzone-accent, #0b5cad); outline-offset: 2px; }
.error { border-color: #b4232c; }
.frame { all: initial; display: block; width: 100%; border: 0; }
`;
let sheet = null;
/** Styles a shadow root: a constructed stylesheet, or (Safari before 16.4) a <style> element. */
const style = (root) => {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h('style', null, CSS));
  }
};

function zoneBar(zones, score) {
  const P = (v) => `${Math.min(Math.max(v, 0), 100)}%`;
  return s('svg', { class: 'bar', 'aria-hidden': 'true', focusable: 'false' },
    zones.map((z, i) => s('rect', { class: `b-${z.zone}`, x: P(z.min), y: 12, width: P((i === 0 ? 100 : zones[i - 1].min) - z.min), height: 10 })),
    s('svg', { x: P(score), y: 0, overflow: 'visible' }, s('path', { class: 'mark', d: 'M-6 2 L6 2 L0 12 Z' })));
}

/** Spreads an evidence total over the five dimensions (only the total enters the score). */
function spreadTotal(keys, total, lo, hi) {
  const out = {};
  let left = total;
  keys.forEach((k, i) => {
    const share = Math.round(left / (keys.length - i));
    out[k] = Math.max(lo, Math.min(hi, share));
    left -= out[k];
  });
  return out;
}

class JobzoneScore extends HTMLElement {
  static observedAttributes = ['role', 'data-role', 'state', 'theme', 'interactive', 'mode'];

  /**
   * `role="<role id>"` is the snippet's attribute, but `role` is also ARIA's: kept on the
   * element it would be an invalid ARIA role. On upgrade it moves to data-role.
   */
  roleId() {
    const aria = this.getAttribute('role');
    if (aria) {
      this.setAttribute('data-role', aria);
      this.removeAttribute('role');
    }
    return this.getAttribute('data-role');
  }

  connectedCallback() {
    this.roleId();
    if (!this.shadowRoot) {
      style(this.attachShadow({ mode: 'open' }));
    }
    this.render();
  }

  disconnectedCallback() {
    this.stopFrameHeights?.();
    this.stopFrameHeights = null;
  }

  attributeChangedCallback() {
    if (this.shadowRoot) this.render();
  }

  theme() {
    const t = this.getAttribute('theme');
    return t === 'light' || t === 'dark' ? t : 'auto';
  }

  show(...nodes) {
    const kept = [...this.shadowRoot.children].filter((e) => e.localName === 'style'); // a fallback <style> stays
    this.shadowRoot.replaceChildren(...kept, ...nodes);
    this.dispatchEvent(new CustomEvent('jobzone:render', { bubbles: true }));
  }

  fail(message) {
    this.show(h('div', { part: 'card error', class: `card error ${this.theme()}`, role: 'note' },
      h('strong', { class: 'title' }, 'jobzone widget'), message, ' ',
      h('a', { href: base.href, target: '_blank', rel: 'noopener' }, 'Open jobzone')));
  }

  /** The assessment this widget shows, from role, state or inline JSON; throws plain messages. */
  async source(engine) {
    const role = this.roleId();
    const state = this.getAttribute('state');
    const inline = this.querySelector('script[type="application/json"]');
    if (role) {
      const index = await fetchJson(new URL('data/index.json', base).href);
      const entry = index.roles.find((r) => r.id === role);
      if (!entry) throw new Error(`there is no published role called “${role}”.`);
      return { assessment: await fetchJson(new URL(`data/${entry.file}`, base).href), link: new URL(`?role=${encodeURIComponent(role)}`, base).href };
    }
    let value;
    if (state) {
      const maxBytes = (await engine).methodology.limits.max_input_bytes;
      value = await decodeLink(`#a=${state}`, { maxBytes }).catch((e) => { throw new Error(`its state could not be read: ${e.message}.`); });
    }
    else if (inline) {
      try {
        value = JSON.parse(inline.textContent);
      } catch {
        throw new Error('its inline assessment is not valid JSON.');
      }
    } else throw new Error('give it a role, a state or an inline assessment.');
    if (value === null) throw new Error('its state is not a share link.');
    return { assessment: value, link: null };
  }

  async render() {
    const token = (this.renderToken = {});
    if (this.getAttribute('mode') === 'iframe') return this.renderFrame();
    try {
      const loading = loadEngine();
      const [{ assessment, link }, engine] = await Promise.all([this.source(loading), loading]);
      if (token !== this.renderToken) return;
      const checked = engine.validate(JSON.stringify(assessment));
      if (!checked.ok) throw new Error(`its assessment is not valid: ${checked.errors[0].path}: ${checked.errors[0].message}.`);
      this.assessment = checked.assessment;
      this.engine = engine;
      this.link = link;
      this.draw();
    } catch (error) {
      if (token === this.renderToken) this.fail(error.message.charAt(0).toUpperCase() + error.message.slice(1));
    }
  }

  async renderFrame() {
    const url = new URL('embed.html', base);
    if (this.roleId()) url.searchParams.set('role', this.roleId());
    for (const name of ['theme', 'interactive']) if (this.hasAttribute(name)) url.searchParams.set(name, this.getAttribute(name) || '1');
    if (this.getAttribute('state')) url.hash = `a=${this.getAttribute('state')}`;
    const frame = h('iframe', { part: 'frame', class: 'frame', src: url.href, title: this.getAttribute('title') || 'jobzone score', loading: 'lazy' });
    // One registration per element, whatever number of renders: it sizes whichever frame is current.
    this.stopFrameHeights ??= listenForFrameHeights(() => this.shadowRoot.querySelectorAll('iframe'), base.origin);
    this.show(frame);
  }

  draw() {
    const a = this.assessment;
    const out = this.engine.score(a);
    if (!out.ok) return this.fail(`This assessment cannot be scored: ${out.errors[0].path}: ${out.errors[0].message}.`);
    const r = out.result;
    const zones = this.engine.methodology.zones;
    const link = this.link ?? base.href;
    const titleText = `${a.role.title}${a.role.seniority ? ` (${a.role.seniority})` : ''}`;
    const scoreEl = h('span', { part: 'score', class: 'score' }, r.display.score);
    const badge = h('span', { part: 'label', class: `badge ${r.zone}` }, r.label);
    const card = h('div', { part: 'card', class: `card ${this.theme()}`, role: 'group', 'aria-label': `jobzone score for ${titleText}` },
      h('span', { part: 'title', class: 'title' }, titleText),
      h('div', { class: 'row' }, h('span', null, scoreEl, h('span', { class: 'of' }, `/${this.engine.methodology.clamp.max}`)), badge),
      h('span', { part: 'bar' }, zoneBar(zones, r.score)),
      h('div', { class: 'foot' }, h('span', null, 'AI exposure, JobZone method'), h('a', { part: 'link', href: link, target: '_blank', rel: 'noopener' }, 'Full assessment')));
    if (this.hasAttribute('interactive')) card.append(this.calculator());
    this.parts = { scoreEl, badge, bar: card.querySelector('[part=bar]') };
    this.show(card);
  }

  /** The mini calculator: AI growth, evidence total and each task's score. */
  calculator() {
    const m = this.engine.methodology.inputs;
    const a = structuredClone(this.assessment);
    const evidenceKeys = m.evidence.dimensions.map((d) => d.key);
    const total = evidenceKeys.reduce((t, k) => t + a.evidence[k], 0);
    let n = 0;
    const slider = (label, min, max, value, format, onInput) => {
      const id = `c${n++}`; // ids are local to this widget's shadow root
      const out = h('output', { for: id, 'aria-hidden': 'true' }, format(value));
      const input = h('input', { id, type: 'range', min, max, step: 1, value, 'aria-valuetext': format(value) });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        out.textContent = format(v);
        input.setAttribute('aria-valuetext', format(v));
        onInput(v);
        this.update(a);
      });
      return h('div', { class: 'ctl' }, h('label', { for: id }, label), out, input);
    };
    return h('div', { part: 'calculator', class: 'calc' },
      slider('AI growth correlation', m.ai_growth_correlation.min, m.ai_growth_correlation.max, a.ai_growth_correlation, signed, (v) => { a.ai_growth_correlation = v; }),
      slider('Evidence total', m.evidence.min * evidenceKeys.length, m.evidence.max * evidenceKeys.length, total, signed,
        (v) => { a.evidence = spreadTotal(evidenceKeys, v, m.evidence.min, m.evidence.max); }),
      a.tasks.map((t, i) => slider(`Score: ${t.name}`, m.task_score.min, m.task_score.max, t.score, (v) => `${v}/${m.task_score.max}`, (v) => { a.tasks[i].score = v; })));
  }

  update(a) {
    const out = this.engine.score(a);
    if (!out.ok) return;
    const r = out.result;
    this.parts.scoreEl.textContent = r.display.score;
    this.parts.badge.textContent = r.label;
    this.parts.badge.className = `badge ${r.zone}`;
    this.parts.bar.replaceChildren(zoneBar(this.engine.methodology.zones, r.score));
    this.dispatchEvent(new CustomEvent('jobzone:render', { bubbles: true }));
  }
}

if (!customElements.get('jobzone-score')) customElements.define('jobzone-score', JobzoneScore);
