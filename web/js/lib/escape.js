// Output encoding: one function per context that text lands in when it leaves the app (HTML
// text, HTML attribute, CSV cell, file name), and a tiny HTML writer that builds snippets from
// data, so no snippet is ever made by pasting raw text into markup. Pure functions, no DOM:
// tested in node (tests/node/escape.test.mjs) and in the browser.

const HTML_TEXT = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const HTML_ATTR = { ...HTML_TEXT, '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 does not allow anywhere (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE and U+FFFF), and the noncharacters U+FDD0-U+FDEF, which SVG renderers refuse.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an XML or SVG file (a feed, a badge, a preview image): escaped, forbidden characters dropped. */
export const xmlText = (value) => String(value).replace(NOT_XML, '').replace(/[&<>"']/g, (c) => HTML_ATTR[c]);

/** Text between tags: `<`, `>` and `&` can never open markup or an entity. */
export const htmlText = (value) => String(value).replace(/[&<>]/g, (c) => HTML_TEXT[c]);

/** A double-quoted attribute value: the quote can never end the value early. */
export const htmlAttr = (value) => String(value).replace(/[&<>"']/g, (c) => HTML_ATTR[c]);

const NAME = /^[a-z][a-z0-9-]*$/;
const VOID = new Set(['img', 'br', 'meta', 'link', 'input']);

/**
 * One element as HTML text: tag(name, {attr: value}, ...children). A child is a string (escaped
 * as text) or the output of another tag() call (a Markup, kept as is). Attribute values are
 * escaped; `true` writes a bare attribute; null/undefined/false leave it out. Names are checked,
 * since they come from code, never from data.
 */
export class Markup {
  constructor(html) { this.html = html; }
  toString() { return this.html; }
}

export function tag(name, attrs = {}, ...children) {
  if (!NAME.test(name)) throw new Error(`not an element name: ${name}`);
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (!NAME.test(key)) throw new Error(`not an attribute name: ${key}`);
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${key}` : ` ${key}="${htmlAttr(value)}"`;
  }
  out += '>';
  if (VOID.has(name)) return new Markup(out);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    out += child instanceof Markup ? child.html : htmlText(child);
  }
  return new Markup(`${out}</${name}>`);
}

/** Several snippets' elements, one per line (null parts left out). */
export const lines = (...parts) => parts.filter((p) => p !== null && p !== undefined && p !== false).map(String).join('\n');

/**
 * Markdown text (an image's alt, a link's text): the marks that could end the brackets early or
 * open a link, an HTML tag, an entity, code or emphasis are backslash-escaped, and line breaks
 * become spaces. Other punctuation stays as typed, so the snippet stays readable.
 */
export const markdownText = (value) => String(value).replace(BIDI, '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
  .replace(/[\\[\]<>&`*_!]/g, (c) => `\\${c}`);

/** A Markdown link destination: characters that could end it or break out are percent-encoded. */
export const markdownUrl = (value) => String(value).replace(/[\s()<>\\"'`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/**
 * A CSV cell (RFC 4180): quoted when it holds a quote, comma or line break; a cell that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) is prefixed with ', as OWASP
 * advises for CSV injection. Numbers pass as they are.
 */
export function csvCell(value) {
  if (typeof value === 'number') return String(value);
  let text = String(value);
  // Spreadsheets skip leading spaces and read full-width ＝＋－＠ as formula marks too.
  if (/^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells) => cells.map(csvCell).join(',');

/**
 * A file name from any title: lowercase ASCII letters, digits and dashes only (no path
 * separators, dots, reserved device names or control characters), at most 60 characters.
 */
export const fileSlug = (text) => String(text).toLowerCase().normalize('NFKD')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'assessment';

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates, marks): in a single line
 * they can make text read backwards (a title ending in U+202E turns what follows it around).
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a single-line context such as document.title: no control characters, no bidi
 * formatting characters, no runs of space.
 */
export const plainLine = (text) => String(text).replace(BIDI, '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();

/** The first `max` characters (code points: a character outside the BMP is never cut in half). */
export const firstChars = (value, max) => {
  const chars = Array.from(String(value));
  return chars.length <= max ? String(value) : chars.slice(0, max).join('');
};
