// Share links in node (the same module the page and the widget use): round trip, and a link built
// to unpack to far more than the import limit is stopped as soon as the limit is passed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { encodeLink, decodeLink, inflateCapped, LinkTooLarge, nestingDepth } from '../../web/js/share/share-link.js';
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

test('nesting is bounded before the parse: 500,000 nested arrays are refused by one scan', async () => {
  const deep = link(Buffer.from(`${'['.repeat(500000)}${']'.repeat(500000)}`));
  assert.ok(deep.length < 2000, `${deep.length} characters`);
  await assert.rejects(decodeLink(deep, { maxBytes: LIMIT, maxDepth: 16 }), /nests its data more than 16 levels deep/);
  // Brackets inside strings are text, not nesting; escaped quotes do not end a string.
  assert.equal(nestingDepth(Buffer.from('{"a":"[[[[\\"[[[","b":[1,[2]]}'), 16), 3);
  assert.equal(nestingDepth(Buffer.from('[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]'), 16), 17);
  const ok = await decodeLink(`#${await encodeLink(reference)}`, { maxBytes: LIMIT, maxDepth: 16 });
  assert.deepEqual(ok, reference, 'the reference nests less than the limit');
});

test('a number too large for a double is refused by its path, not read as null', async () => {
  const text = JSON.stringify(reference).replace('"ai_growth_correlation":2', '"ai_growth_correlation":1e999999');
  await assert.rejects(decodeLink(link(Buffer.from(text)), { maxBytes: LIMIT }), (e) => {
    assert.match(e.message, /a number in it is out of range/);
    assert.deepEqual(e.errors, [{ path: 'ai_growth_correlation', message: 'the number is out of range (too large for any figure an assessment holds)' }]);
    return true;
  });
  const inTask = JSON.stringify(reference).replace('"score":3', '"score":-1e400');
  await assert.rejects(decodeLink(link(Buffer.from(inTask)), { maxBytes: LIMIT }), (e) => /^tasks\[\d\]\.score$/.test(e.errors[0].path));
});
