// <jobzone-score>: a role's score card, or a small live calculator, for any web page.
// One module script; the card lives in Shadow DOM (styled through ::part and --jobzone-*
// properties). A published role's card is drawn from the figures the build computed
// (data/cards/<id>.json): no wasm. The wasm loads only for a live calculator or an own
// assessment's card, and only when the card comes near the viewport or is first touched (the
// lite-youtube-embed pattern); however many widgets a page holds, one module instance serves them.
// If it cannot run (a host CSP without 'wasm-unsafe-eval', an old browser), the card says so in
// plain words and keeps the published figures or a link; an engine's own message never shows.
import { loadEngine } from '../engine/engine.js';
import { decodeLink } from '../share/share-link.js';
import { h, s } from '../lib/dom.js';
import { zoneProperties, zoneSpans } from '../lib/zones.js';
import { signed } from '../lib/format.js';
import { listenForFrameHeights } from './frame-heights.js';
import { cardOf, cardName, cardKind, CARD_KIND, ROLE_ID, MAX_ID_CHARS } from '../lib/card.js';

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
:host { ${zoneProperties('light', { important: true })} }
.dark { ${zoneProperties('dark')} }
@media (prefers-color-scheme: dark) { .auto { ${zoneProperties('dark')} } }
:host { display: block !important; max-width: var(--jobzone-max-width, 380px) !important; margin: var(--jobzone-margin, 12px 0) !important; }
:host([hidden]) { display: none !important; }
.card { all: initial; box-sizing: border-box; display: block; font-family: var(--jobzone-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  font-size: 15px; line-height: 1.4; color: var(--jobzone-text, #1b1f24); background: var(--jobzone-background, #fff);
  border: 1px solid var(--jobzone-border, #d8dee4); border-radius: var(--jobzone-radius, 10px); padding: 14px 16px; text-align: left; }
.card * { box-sizing: border-box; }
.dark { color: var(--jobzone-text, #e6edf3); background: var(--jobzone-background, #161b22); border-color: var(--jobzone-border, #30363d); }
@media (prefers-color-scheme: dark) { .auto { color: var(--jobzone-text, #e6edf3); background: var(--jobzone-background, #161b22); border-color: var(--jobzone-border, #30363d); } }
.title { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; overflow: hidden; font-weight: 600; font-size: 15px; margin: 0 0 6px; overflow-wrap: anywhere; }
:host([fill]) { max-width: var(--jobzone-max-width, none) !important; margin: 0 !important; height: 100%; }
:host([fill]) .card { min-height: 100%; display: flex; flex-direction: column; justify-content: space-between; }
:host([fill]) .title { -webkit-line-clamp: 2; }
:host([fill]) .card { padding: 10px 12px; }
@media (max-width: 440px) { :host([fill]) .score { font-size: 30px; } :host([fill]) .wide { display: none; } :host([fill]) .row { gap: 4px 10px; } }
.note { display: block; font-size: 12px; opacity: .85; margin-top: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.load { font: inherit; font-size: 13px; margin-top: 8px; padding: 4px 10px; border-radius: 8px; border: 1px solid currentColor; background: transparent; color: inherit; cursor: pointer; }
.pending .score { opacity: .35; }
.row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.score { font-size: 34px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
.of { font-size: 13px; opacity: .75; }
.badge { display: inline-flex; align-items: center; gap: 6px; padding: 2px 10px; border-radius: 999px; font-weight: 600; font-size: 13px; border: 1px solid currentColor; }
.badge::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
svg.bar { display: block; width: 100%; height: 28px; margin: 10px 0 4px; overflow: visible; }
.GREEN { color: var(--green); background: var(--green-bg); } .YELLOW { color: var(--yellow); background: var(--yellow-bg); } .RED { color: var(--red); background: var(--red-bg); }
.b-GREEN { fill: var(--band-green); } .b-YELLOW { fill: var(--band-yellow); } .b-RED { fill: var(--band-red); } .mark { fill: currentColor; }
.foot { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 2px 8px; font-size: 12px; opacity: .85; margin-top: 4px; }
a { color: var(--jobzone-link, #0b5cad); text-decoration: underline; }
.dark a { color: var(--jobzone-link, #58a6ff); }
@media (prefers-color-scheme: dark) { .auto a { color: var(--jobzone-link, #58a6ff); } }
.calc { border-top: 1px solid var(--jobzone-border, #d8dee4); margin-top: 10px; padding-top: 8px; display: grid; gap: 6px; }
.calc .ctl { display: grid; grid-template-columns: 1fr 2.6em; gap: 2px 8px; font-size: 13px; align-items: center; }
.calc input { grid-column: 1 / -1; width: 100%; margin: 0; accent-color: var(--jobzone-accent, #0b5cad); }
.calc output { text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
:focus-visible { outline: 3px solid var(--jobzone-accent, #0b5cad); outline-offset: 2px; }
.error { border-color: var(--red); }
.frame { all: initial; display: block; width: 100%; border: 0; }
`;
/** What a card is, in words (lib/card.js CARD_KIND): "Derived from O*NET data · not assessed". */
const kindNote = (kind) => h('span', { part: 'kind', 'data-kind': kind }, CARD_KIND[kind].word, CARD_KIND[kind].wide ? h('span', { class: 'wide' }, CARD_KIND[kind].wide) : null,
  CARD_KIND[kind].tail, h('span', { class: 'visually-hidden' }, `: ${CARD_KIND[kind].alt}`));

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
    zoneSpans(zones).reverse().map((z) => s('rect', { class: `b-${z.zone}`, x: P(z.from), y: 12, width: P(z.to - z.from), height: 10 })),
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

/** "1.xxxx" share-link states and inline JSON give an assessment; a role gives its card. */
const cardUrl = (role) => new URL(`data/cards/${encodeURIComponent(role)}.json`, base).href;
const CALC_HEIGHT = 52; // px per slider of the calculator, reserved before it loads

/** What to say when the live part cannot run: plain words, never the engine's message. */
function engineTrouble(error) {
  const text = `${error?.name ?? ''} ${error?.message ?? ''}`;
  if (typeof WebAssembly !== 'object') return 'This browser cannot run the live calculator.';
  if (/CompileError|unsafe-eval|Content.Security|WebAssembly|wasm|Aborted/i.test(text)) return 'This page\'s security settings do not let the live calculator run here.';
  return 'The live calculator could not load here.';
}

class JobzoneScore extends HTMLElement {
  static observedAttributes = ['role', 'data-role', 'state', 'theme', 'interactive', 'mode', 'width'];

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
    this.disarm?.();
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

  /** A card that could not be drawn: what went wrong in a few words, and a way on. */
  fail(message, link = base.href, linkText = 'Open jobzone') {
    this.show(h('div', { part: 'card error', class: `card error ${this.theme()}`, role: 'note' },
      h('strong', { class: 'title' }, 'jobzone score'), message, ' ',
      h('a', { href: link, target: '_blank', rel: 'noopener' }, linkText)));
  }

  /**
   * Runs `load` once the card is within 300 px of the viewport or is first touched, hovered or
   * focused; at once where IntersectionObserver is missing.
   */
  arm(load) {
    this.disarm?.();
    let done = false;
    const events = ['pointerenter', 'pointerdown', 'focusin', 'touchstart'];
    const go = () => {
      if (done) return;
      done = true;
      this.disarm();
      load();
    };
    const io = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) go(); }, { rootMargin: '300px' }) : null;
    this.disarm = () => {
      io?.disconnect();
      for (const e of events) this.removeEventListener(e, go);
      this.disarm = null;
    };
    for (const e of events) this.addEventListener(e, go, { passive: true });
    if (io) io.observe(this);
    else go();
    this.loadNow = go;
  }

  applyWidth() {
    const w = Number(this.getAttribute('width'));
    if (Number.isFinite(w) && w >= 240 && w <= 1200) this.style.setProperty('--jobzone-max-width', `${Math.round(w)}px`);
    else this.style.removeProperty('--jobzone-max-width');
  }

  async render() {
    const token = (this.renderToken = {});
    this.disarm?.();
    this.applyWidth();
    if (this.getAttribute('mode') === 'iframe') return this.renderFrame();
    const current = () => token === this.renderToken;
    const role = this.roleId();
    try {
      if (role) {
        // The id is checked before any request: a path such as ../../data/roles/x is no role.
        if (!ROLE_ID.test(role)) throw new Error(`“${role.slice(0, 100)}” is not a role id (1 to ${MAX_ID_CHARS} lowercase letters, digits and dashes).`);
        let card;
        try {
          card = await fetchJson(cardUrl(role));
        } catch {
          throw new Error(`there is no published role called “${role}”.`);
        }
        if (card?.format !== 'jobzone-card/1' || !Array.isArray(card.zones)) throw new Error(`the card of “${role}” could not be read.`);
        if (!current()) return;
        const link = new URL(`?role=${encodeURIComponent(role)}`, base).href;
        if (!this.hasAttribute('interactive')) return this.drawCard(card, link);
        this.drawCard(card, link, { waiting: card.tasks ?? 0 });
        this.arm(() => this.goLive(token, link, () => this.roleAssessment(role), cardKind(card)));
        return;
      }
      // An own assessment: its title at once, its score once the engine is in.
      const link = this.getAttribute('state') ? new URL(`#a=${this.getAttribute('state')}`, base).href : base.href;
      const inline = this.inlineAssessment(); // a state is unpacked with the engine's size limit, once it is in
      this.drawPending(inline, link);
      // Nothing in a snippet is trusted to be published or derived: it is someone's own assessment.
      this.arm(() => this.goLive(token, link, async (engine) => inline ?? this.stateAssessment(engine), 'self'));
    } catch (error) {
      if (current()) this.fail(error.message.charAt(0).toUpperCase() + error.message.slice(1));
    }
  }

  /** A published role's inputs without its prose (data/inputs/<id>.json, written by the build). */
  roleAssessment(role) {
    return fetchJson(new URL(`data/inputs/${encodeURIComponent(role)}.json`, base).href);
  }

  /** An assessment written into the page (<script type="application/json">), or null with a state. */
  inlineAssessment() {
    if (this.getAttribute('state')) return null;
    const inline = this.querySelector('script[type="application/json"]');
    if (!inline) throw new Error('give it a role, a state or an inline assessment.');
    try {
      return JSON.parse(inline.textContent);
    } catch {
      throw new Error('its inline assessment is not valid JSON.');
    }
  }

  /** A share-link state, unpacked no further than the method's input limit. */
  async stateAssessment(engine) {
    const { max_input_bytes: maxBytes, max_depth: maxDepth } = engine.methodology.limits;
    const value = await decodeLink(`#a=${this.getAttribute('state')}`, { maxBytes, maxDepth }).catch((e) => { throw new Error(`its state could not be read: ${e.message}.`); });
    if (value === null || typeof value !== 'object') throw new Error('its state is not a share link.');
    return value;
  }

  /** Loads the engine and the assessment, then draws the live card; on failure, says so plainly. */
  async goLive(token, link, assessmentOf, kind) {
    let engine;
    let assessment;
    try {
      engine = await loadEngine();
      assessment = await assessmentOf(engine);
    } catch (error) {
      if (token !== this.renderToken) return;
      const ours = /no published role|state could not|state is not/.test(error.message);
      const trouble = ours ? error.message.charAt(0).toUpperCase() + error.message.slice(1) : engineTrouble(error);
      if (this.card) this.noteTrouble(trouble, link);
      else this.fail(trouble, link, 'See the score on jobzone');
      return;
    }
    if (token !== this.renderToken) return;
    const checked = engine.validate(JSON.stringify(assessment));
    if (!checked.ok) return this.fail(`Its assessment is not valid: ${checked.errors[0].path}: ${checked.errors[0].message}.`, link, 'Open jobzone');
    this.assessment = checked.assessment;
    this.engine = engine;
    const out = engine.score(this.assessment);
    if (!out.ok) return this.fail(`This assessment cannot be scored: ${out.errors[0].path}: ${out.errors[0].message}.`, link, 'Open jobzone');
    this.drawCard(cardOf(this.roleId() ?? null, this.assessment, out.result, engine.methodology, kind), link, { live: this.hasAttribute('interactive') });
  }

  /** The card of an own assessment before its score is computed: the title, and a placeholder. */
  drawPending(value, link) {
    const title = typeof value?.role?.title === 'string' ? value.role.title.slice(0, 200) : 'A shared assessment';
    this.card = null;
    this.show(h('div', { part: 'card', class: `card pending ${this.theme()}`, role: 'group', 'aria-label': `jobzone score for ${title}`, 'aria-busy': 'true' },
      h('span', { part: 'title', class: 'title' }, title),
      h('div', { class: 'row' }, h('span', null, h('span', { part: 'score', class: 'score', 'aria-hidden': 'true' }, '–'), h('span', { class: 'of' }, '/100'))),
      h('span', { class: 'note' }, 'The score is computed in your browser when this card comes into view.'),
      h('div', { class: 'foot' }, kindNote('self'), h('a', { part: 'link', href: link, target: '_blank', rel: 'noopener' }, 'Full assessment'))));
  }

  /**
   * Draws a card from its figures (card.js). waiting: a live calculator still to load, with this
   * many tasks (its space is kept, so nothing below jumps when it arrives); live: with the
   * calculator now.
   */
  drawCard(card, link, { waiting = null, live = false } = {}) {
    const titleText = cardName(card);
    const scoreEl = h('span', { part: 'score', class: 'score' }, card.display_score);
    const badge = h('span', { part: 'label', class: `badge ${card.zone}` }, card.label);
    const el = h('div', { part: 'card', class: `card ${this.theme()}`, role: 'group', 'aria-label': `jobzone score for ${titleText}` },
      h('span', { part: 'title', class: 'title' }, titleText),
      h('div', { class: 'row' }, h('span', null, scoreEl, h('span', { class: 'of' }, `/${card.max}`)), badge),
      h('span', { part: 'bar' }, zoneBar(card.zones, card.score)),
      // Published, derived or self-assessed, said where the method is named (the card keeps its height).
      h('div', { class: 'foot' }, kindNote(cardKind(card)), h('a', { part: 'link', href: link, target: '_blank', rel: 'noopener' }, 'Full assessment')));
    if (live) el.append(this.calculator());
    else if (waiting !== null) {
      const slot = h('div', { part: 'calculator', class: 'calc' },
        h('button', { type: 'button', class: 'load' }, 'Adjust the inputs'),
        h('span', { class: 'note' }, 'The live calculator loads when this card comes into view.'));
      slot.style.minHeight = `${CALC_HEIGHT * (2 + waiting)}px`;
      slot.querySelector('button').addEventListener('click', () => this.loadNow?.());
      el.append(slot);
    }
    this.card = card;
    this.parts = { scoreEl, badge, bar: el.querySelector('[part=bar]'), zones: card.zones };
    this.show(el);
  }

  /** Keeps the card, and says why the live part is not there. */
  noteTrouble(message, link) {
    const slot = this.shadowRoot.querySelector('[part=calculator]');
    const note = h('span', { class: 'note', role: 'note' }, message, ' ', h('a', { href: link, target: '_blank', rel: 'noopener' }, 'Adjust it on jobzone'));
    if (slot) slot.replaceWith(note);
    else this.shadowRoot.querySelector('.card')?.append(note);
    this.dispatchEvent(new CustomEvent('jobzone:render', { bubbles: true }));
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

  /** The mini calculator: AI growth, evidence total and each task's score. */
  calculator() {
    const m = this.engine.methodology.inputs;
    const a = structuredClone(this.assessment);
    const evidenceKeys = m.evidence.dimensions.map((d) => d.key);
    const total = evidenceKeys.reduce((t, k) => t + a.evidence[k], 0);
    let n = 0;
    // What a screen reader hears is the level in words, as the page says it ("-2: AI adoption
    // shrinks demand fast"), not the bare number the card shows beside the slider.
    const slider = (label, min, max, value, format, onInput, words = format) => {
      const id = `c${n++}`; // ids are local to this widget's shadow root
      const out = h('output', { for: id, 'aria-hidden': 'true' }, format(value));
      const input = h('input', { id, type: 'range', min, max, step: 1, value, 'aria-valuetext': words(value) });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        out.textContent = format(v);
        input.setAttribute('aria-valuetext', words(v));
        onInput(v);
        this.update(a);
      });
      return h('div', { class: 'ctl' }, h('label', { for: id }, label), out, input);
    };
    const level = (scale, v) => scale.levels?.find((l) => l.value === v)?.text;
    const said = (text, words) => (words ? `${text}: ${words}` : text);
    const [lo, hi] = [m.evidence.min * evidenceKeys.length, m.evidence.max * evidenceKeys.length];
    return h('div', { part: 'calculator', class: 'calc' },
      slider('AI growth correlation', m.ai_growth_correlation.min, m.ai_growth_correlation.max, a.ai_growth_correlation, signed, (v) => { a.ai_growth_correlation = v; },
        (v) => said(signed(v), level(m.ai_growth_correlation, v))),
      slider('Evidence total', lo, hi, total, signed, (v) => { a.evidence = spreadTotal(evidenceKeys, v, m.evidence.min, m.evidence.max); },
        (v) => `${signed(v)}, on a scale from ${signed(lo)} (evidence of shrinking demand) to ${signed(hi)} (of growing demand)`),
      a.tasks.map((t, i) => slider(`Score: ${t.name}`, m.task_score.min, m.task_score.max, t.score, (v) => `${v}/${m.task_score.max}`, (v) => { a.tasks[i].score = v; },
        (v) => said(`${v} of ${m.task_score.max}`, level(m.task_score, v)))));
  }

  update(a) {
    const out = this.engine.score(a);
    if (!out.ok) return;
    const r = out.result;
    this.parts.scoreEl.textContent = r.final.display_score;
    this.parts.badge.textContent = r.final.label;
    this.parts.badge.className = `badge ${r.final.zone}`;
    this.parts.bar.replaceChildren(zoneBar(this.parts.zones, r.final.score));
    // Moved by the reader, the figures are nobody's published or derived ones any more.
    const kind = this.shadowRoot.querySelector('[part=kind]');
    if (kind && kind.getAttribute('data-kind') !== 'self') kind.replaceWith(kindNote('self'));
    this.dispatchEvent(new CustomEvent('jobzone:render', { bubbles: true }));
  }
}

if (!customElements.get('jobzone-score')) customElements.define('jobzone-score', JobzoneScore);
