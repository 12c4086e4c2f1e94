// Share links in node (the same module the page and the widget use): round trip, and a link built
// to unpack to far more than the import limit is stopped as soon as the limit is passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { encodeLink, decodeLink, inflateCapped, LinkTooLarge } from '../../web/js/share-link.js';
import { reference } from './hostile.mjs';

const LIMIT = 1048576;
const link = (bytes) => `#a=1.${zlib.deflateRawSync(bytes, { level: 9 }).toString('base64url')}`;

test('a link round-trips the assessment exactly', async () => {
  const fragment = await encodeLink(reference);
  assert.deepEqual(await decodeLink(`#${fragment}`, { maxBytes: LIMIT }), reference);
  assert.equal(await decodeLink('#role=x', { maxBytes: LIMIT }), null);
});

test('a decompression bomb under 200,000 characters is refused after about the limit, not inflated whole', async () => {
  const bomb = link(Buffer.alloc(146 * 1024 * 1024, 'a'));
  assert.ok(bomb.length <= 200000, `${bomb.length} characters`);
  const t0 = performance.now();
  await assert.rejects(decodeLink(bomb, { maxBytes: LIMIT }), (e) => e instanceof LinkTooLarge && /unpacks to more than 1048576 bytes/.test(e.message));
  const ms = performance.now() - t0;
  console.log(`# bomb link: ${bomb.length} characters, inflating 146 MiB refused in ${ms.toFixed(1)} ms`);
});

test('the cap is exact: the limit passes, one byte more does not; damaged data is still "damaged"', async () => {
  const raw = (n) => zlib.deflateRawSync(Buffer.alloc(n, 'b'));
  assert.equal((await inflateCapped(raw(LIMIT), LIMIT)).length, LIMIT);
  await assert.rejects(inflateCapped(raw(LIMIT + 1), LIMIT), LinkTooLarge);
  const good = zlib.deflateRawSync(Buffer.from(JSON.stringify(reference))).toString('base64url');
  await assert.rejects(decodeLink(`#a=1.${good.slice(0, good.length / 2)}`, { maxBytes: LIMIT }), /damaged or cut short/);
  await assert.rejects(decodeLink('#a=9.AAAA', { maxBytes: LIMIT }), /link format 9 is newer/);
  // An uncompressed (version 0) payload over the limit is refused too.
  await assert.rejects(decodeLink(`#a=0.${Buffer.alloc(100000, 'c').toString('base64url')}`, { maxBytes: 50000 }), LinkTooLarge);
});
