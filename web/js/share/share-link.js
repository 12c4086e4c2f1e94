// Share links: the whole assessment in the URL fragment, deflated and base64url-encoded, so the
// link works with no server and nothing is sent anywhere. Format: #a=<version>.<payload>
//   1: deflate-raw of the assessment JSON (current)
//   0: the assessment JSON, base64url only (earlier links; still opened)
export const LINK_VERSION = 1;
const MAX_LINK_CHARS = 200000;

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link holds characters a share link never has');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length); // a plain loop: Uint8Array.from with a mapper is ~20x slower
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Thrown when a link unpacks to more than the budget; the message says so plainly. */
export class LinkTooLarge extends Error {}

const FEED_BYTES = 512; // deflate expands at most ~1032:1, so one step yields at most ~0.5 MB

/**
 * Inflates deflate-raw bytes, but never more than `maxBytes` of output: the compressed bytes go in
 * small pieces, each read out before the next goes in, and inflating stops (both sides cancelled)
 * as soon as the budget is passed. A link built to unpack to gigabytes costs at most one small
 * step past the budget, so it cannot hold the main thread or fill memory.
 */
export async function inflateCapped(bytes, maxBytes) {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let at = 0; at < bytes.length && !stopped; at += FEED_BYTES) await writer.write(bytes.subarray(at, at + FEED_BYTES));
    if (!stopped) await writer.close();
  })();
  feeding.catch(() => {}); // its failure (damaged data, or our own cancel) is seen by the reader
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) throw new LinkTooLarge(`the link unpacks to more than ${maxBytes} bytes, more than any assessment may hold, so it was not opened`);
      chunks.push(value);
    }
    await feeding;
  } catch (error) {
    stopped = true;
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    throw error;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** True when this browser has deflate-raw streams (Chrome 103, Firefox 113, Safari 16.4). */
export function canDeflate() {
  try {
    return typeof CompressionStream === 'function' && Boolean(new DecompressionStream('deflate-raw')) && Boolean(new CompressionStream('deflate-raw'));
  } catch {
    return false;
  }
}

export async function encodeLink(assessment) {
  const json = new TextEncoder().encode(JSON.stringify(assessment));
  // Older browsers write the plain form, which every version opens (the link is just longer).
  if (!canDeflate()) return `a=0.${toBase64Url(json)}`;
  return `a=${LINK_VERSION}.${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/**
 * Reads a fragment ("#a=1.xxxx"). Returns null when the fragment is not a share link, the parsed
 * JSON value when it decodes, and throws an Error with a plain message when it is broken or would
 * unpack to more than `maxBytes` or nest deeper than `maxDepth` (the import limits, from the
 * methodology; a number too large for a double is refused with its path in `errors`).
 * The value is only data: the caller validates it with the core before using it.
 */
export async function decodeLink(hash, { maxBytes, maxDepth = 64 }) {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('a=')) return null;
  if (fragment.length > MAX_LINK_CHARS) throw new Error('the link is too long to be one of ours');
  const match = /^a=(\d+)\.(.*)$/s.exec(fragment);
  if (!match) throw new Error('the link is not in a format jobzone knows');
  const [, version, payload] = match;
  let bytes;
  try {
    bytes = fromBase64Url(payload);
    if (version === '1' && !canDeflate()) throw new Error('link format 1 needs a newer browser to unpack (Chrome 103, Firefox 113 or Safari 16.4 and later)');
    if (version === '1') bytes = await inflateCapped(bytes, maxBytes);
    else if (version !== '0') throw new Error(`link format ${version} is newer than this copy of jobzone`);
  } catch (error) {
    if (error instanceof LinkTooLarge || error.message.startsWith('link format')) throw error;
    throw new Error('the link is damaged or cut short');
  }
  if (bytes.length > maxBytes) throw new LinkTooLarge(`the link holds more than ${maxBytes} bytes, more than any assessment may hold, so it was not opened`);
  // Nesting is bounded before anything parses it: a link of half a million nested arrays is
  // refused after one pass over its bytes, not after a parse and a copy of that tree.
  const depth = nestingDepth(bytes, maxDepth);
  if (depth > maxDepth) throw new Error(`the link nests its data more than ${maxDepth} levels deep, deeper than any assessment, so it was not opened`);
  let value;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('the link is damaged or cut short');
  }
  const huge = outOfRange(value);
  if (huge) {
    throw Object.assign(new Error('a number in it is out of range'), {
      errors: [{ path: huge, message: 'the number is out of range (too large for any figure an assessment holds)' }],
    });
  }
  return value;
}

/**
 * How deeply the JSON text in `bytes` nests arrays and objects, counted outside strings; stops
 * counting once past `limit` (so the pass is one scan, and bounded).
 */
export function nestingDepth(bytes, limit) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The JSON path of the first number JSON.parse made infinite (1e999999), or null. */
function outOfRange(value, path = '') {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(root)';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = outOfRange(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const found = outOfRange(value[key], /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);
      if (found) return found;
    }
  }
  return null;
}
