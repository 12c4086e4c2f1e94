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
/** Ids start again from `n` (each prerendered page numbers its own from 0). */
export const resetIds = (n = 0) => { uid = n; };
/** The last id number given out. */
export const lastId = () => uid;
