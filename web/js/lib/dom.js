// Tiny DOM builders. Data only ever becomes text nodes or attributes, never HTML.
// They build in the document they are given (bindDocument): the page's own in the browser, a
// linkedom document when scripts/prerender.mjs renders a role page at build time. Nothing here
// reads a global but `document`, once, as the default.
const SVG_NS = 'http://www.w3.org/2000/svg';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** @type {Document | null} */
let doc = typeof document === 'object' ? document : null;

/** The document h() and s() build in (the renderer of a page gives its own: render/page.js). */
export function bindDocument(/** @type {Document} */ d) {
  doc = d;
}

/** Whether `x` is a DOM node (of any document: no global Node needed). */
const isNode = (x) => typeof x === 'object' && x !== null && typeof x.nodeType === 'number' && typeof x.cloneNode === 'function';

function build(el, attrs, children) {
  const svg = el.namespaceURI === SVG_NS;
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.setAttribute('class', value);
    else if (key in el && !svg && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(isNode(child) ? child : el.ownerDocument.createTextNode(String(child)));
  }
  return el;
}

/** h('p', {class: 'x'}, 'text', child) */
export function h(tag, attrs, ...children) {
  return build(doc.createElement(tag), attrs, children);
}

/** s('rect', {x: 0, ...}) for inline SVG */
export function s(tag, attrs, ...children) {
  return build(doc.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return build(el, null, children);
}

/**
 * Makes `el`'s children look like `children` by touching only what differs (text, attributes,
 * mismatched nodes). Used on every slider move, so the live DOM (and layout) changes little.
 */
export function patch(el, ...children) {
  const next = build(el.cloneNode(false), null, children);
  morphChildren(el, next);
  return el;
}

function morphChildren(current, next) {
  const have = [...current.childNodes];
  const want = [...next.childNodes];
  want.forEach((node, i) => {
    const old = have[i];
    if (!old) current.append(node);
    else if (old.nodeType !== node.nodeType || old.nodeName !== node.nodeName) current.replaceChild(node, old);
    else if (old.nodeType === TEXT_NODE) { if (old.data !== node.data) old.data = node.data; }
    else if (old.nodeType === ELEMENT_NODE) {
      for (const name of node.getAttributeNames()) {
        const value = node.getAttribute(name);
        if (old.getAttribute(name) !== value) old.setAttribute(name, value);
      }
      for (const name of old.getAttributeNames()) if (!node.hasAttribute(name)) old.removeAttribute(name);
      morphChildren(old, node);
    }
  });
  for (let i = want.length; i < have.length; i++) have[i].remove();
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;
/** Ids start again from `n` (each prerendered page numbers its own from 0). */
export const resetIds = (n = 0) => { uid = n; };
/** The last id number given out. */
export const lastId = () => uid;
