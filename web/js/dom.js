// Tiny DOM builders. Data only ever becomes text nodes or attributes, never HTML.
const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.setAttribute('class', value);
    else if (key in el && !(el instanceof SVGElement) && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** h('p', {class: 'x'}, 'text', child) */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** s('rect', {x: 0, ...}) for inline SVG */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
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
    else if (old.nodeType === Node.TEXT_NODE) { if (old.data !== node.data) old.data = node.data; }
    else if (old.nodeType === Node.ELEMENT_NODE) {
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
/** Ids start again from 1 (each prerendered page numbers its own). */
export const resetIds = () => { uid = 0; };
/** Later ids never repeat one already in `root` (a page adopted from prerendered markup). */
export function reserveIds(root) {
  for (const el of root.querySelectorAll('[id]')) {
    const n = Number(/-(\d+)$/.exec(el.id)?.[1]);
    if (n > uid) uid = n;
  }
}

/**
 * Hydration: pairs the elements of `built` (a detached tree drawn by the same code from the same
 * assessment, its computed parts still empty) with those already in `live` (the prerendered
 * markup), child by child. An element left empty in `built` is a part that renders fill, and is
 * not entered. Returns the map built element -> live element, or null where the two differ in
 * any element's name or number of children (then the page is drawn anew instead).
 */
export function adoptTree(live, built) {
  const map = new Map();
  const walk = (a, b) => {
    if (a.nodeName !== b.nodeName) return false;
    map.set(b, a);
    const want = b.children;
    if (want.length === 0) return true;
    const have = a.children;
    if (have.length !== want.length) return false;
    for (let i = 0; i < want.length; i++) if (!walk(have[i], want[i])) return false;
    return true;
  };
  return walk(live, built) ? map : null;
}
