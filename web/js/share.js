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
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function encodeLink(assessment) {
  const json = new TextEncoder().encode(JSON.stringify(assessment));
  return `a=${LINK_VERSION}.${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/**
 * Reads a fragment ("#a=1.xxxx"). Returns null when the fragment is not a share link, the parsed
 * JSON value when it decodes, and throws an Error with a plain message when it is broken.
 * The value is only data: the caller validates it with the core before using it.
 */
export async function decodeLink(hash) {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment.startsWith('a=')) return null;
  if (fragment.length > MAX_LINK_CHARS) throw new Error('the link is too long to be one of ours');
  const match = /^a=(\d+)\.(.*)$/s.exec(fragment);
  if (!match) throw new Error('the link is not in a format jobzone knows');
  const [, version, payload] = match;
  let bytes;
  try {
    bytes = fromBase64Url(payload);
    if (version === '1') bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
    else if (version !== '0') throw new Error(`link format ${version} is newer than this copy of jobzone`);
  } catch (error) {
    throw new Error(error.message.startsWith('link format') ? error.message : 'the link is damaged or cut short');
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('the link is damaged or cut short');
  }
}
