// Output encoding: each context's escaping function, and snippets built from hostile titles
// parse back (by a real HTML parser in the browser suite; here by the escaping's own rules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlText, htmlAttr, tag, csvCell, csvRow, fileSlug, plainLine, markdownText, markdownUrl, xmlText } from '../../web/js/lib/escape.js';
import { badgeSvg } from '../../web/js/embed/badge.js';
import { embedSnippets } from '../../web/js/share/snippets.js';
import { HOSTILE_TITLES } from './hostile.mjs';


test('HTML text and attribute escaping', () => {
  assert.equal(htmlText('a < b > c & "d"'), 'a &lt; b &gt; c &amp; "d"');
  assert.equal(htmlAttr(`x" onload='y' <&>`), 'x&quot; onload=&#39;y&#39; &lt;&amp;&gt;');
  assert.equal(htmlText('&amp;'), '&amp;amp;', 'entities in data stay text');
});

test('tag() escapes every value and refuses names that are not names', () => {
  assert.equal(String(tag('a', { href: 'https://x/?a=1&b="2"' }, '<b>')), '<a href="https://x/?a=1&amp;b=&quot;2&quot;">&lt;b&gt;</a>');
  assert.equal(String(tag('script', { async: true, src: 's.js' })), '<script async src="s.js"></script>');
  assert.equal(String(tag('p', { hidden: false, title: null }, tag('b', null, 'x'))), '<p><b>x</b></p>');
  assert.throws(() => tag('a onclick=x', {}));
  assert.throws(() => tag('a', { 'on click': 'x' }));
});

test('snippets from hostile titles hold the title only as escaped text', () => {
  const site = 'https://jobzone.example/app/';
  for (const title of HOSTILE_TITLES) {
    for (const source of [{ role: 'ai-research-engineer-mid-senior' }, { state: '1.AbC-_9' }]) {
      const { component, iframe } = embedSnippets({ site, title, ...source });
      for (const snippet of [component, iframe]) {
        // Outside quoted attribute values, no raw < > " ' of the title survives.
        const tags = snippet.match(/<[^>]*>/g);
        for (const t of tags) assert.match(t, /^<\/?[a-z-]+(\s[a-z-]+(="[^"<>]*")?)*>$/, `${title}: ${t}`);
        assert.equal(tags.filter((t) => /^<(img|svg|b|textarea)/.test(t)).length, 0, `${title}: no element from the title`);
      }
      assert.ok(component.includes(`>${htmlText(title)} on jobzone</a>`));
      assert.ok(iframe.includes(`title="${htmlAttr(`jobzone score: ${title}`)}"`));
    }
  }
});

test('snippet URLs: the role is a query parameter, a state the fragment, both from the site folder', () => {
  const { component, iframe } = embedSnippets({ site: 'https://h.example/jz/', role: 'a-b', title: 'T' });
  assert.ok(component.startsWith('<script type="module" src="https://h.example/jz/embed.js"></script>\n<jobzone-score role="a-b">'));
  assert.ok(component.includes('<a href="https://h.example/jz/?role=a-b">T on jobzone</a>'));
  assert.ok(iframe.includes('src="https://h.example/jz/embed.html?role=a-b"'));
  assert.ok(iframe.endsWith('<script async src="https://h.example/jz/embed-frame.js"></script>'));
  const own = embedSnippets({ site: 'https://h.example/', state: '1.xyz', title: 'T' });
  assert.ok(own.component.includes('<jobzone-score state="1.xyz">'));
  assert.ok(own.iframe.includes('src="https://h.example/embed.html#a=1.xyz"'));
});

test('Markdown text and link destinations: nothing in a title can end the alt text or open markup', () => {
  assert.equal(markdownText('a](javascript:x) <b>&amp; *em* ![x]'), 'a\\](javascript:x) \\<b\\>\\&amp; \\*em\\* \\!\\[x\\]');
  assert.equal(markdownText('two\nlines'), 'two lines');
  assert.equal(markdownUrl('https://x.example/a b(c)<d>'), 'https://x.example/a%20b%28c%29%3Cd%3E');
  for (const title of HOSTILE_TITLES) {
    const { markdown, imageHtml } = embedSnippets({ site: 'https://h.example/', role: 'r', title });
    const alt = markdown.slice(3, markdown.indexOf('](https://h.example/badge/r.svg)'));
    assert.doesNotMatch(alt.replace(/\\./g, ''), /[[\]<>&`*_!]/, `${title}: every mark in the alt is escaped`);
    assert.match(imageHtml, /^<a href="https:\/\/h\.example\/\?role=r"><img src="https:\/\/h\.example\/badge\/r\.svg" alt="[^"<>]*"><\/a>$/);
  }
});

test('the badge SVG holds any title as escaped text, in a title element and an aria-label', () => {
  for (const title of HOSTILE_TITLES) {
    const { svg, alt, width } = badgeSvg({ title, display_score: '47.9', max: 100, zone: 'YELLOW', label: 'Yellow (Moderate)' });
    assert.ok(svg.includes(`<title>${xmlText(alt)}</title>`));
    assert.doesNotMatch(svg.replace(/<title>.*<\/title>/s, ''), /<(script|img|a|foreignObject)\b/i);
    assert.equal((svg.match(/<title>/g) ?? []).length, 1, `${title}: one title element`);
    assert.ok(width > 100);
  }
});

test('XML text: escaped, and the characters XML forbids (or SVG renderers refuse) dropped', () => {
  assert.equal(xmlText('a<b>&"c\''), 'a&lt;b&gt;&amp;&quot;c&#39;');
  assert.equal(xmlText('x\uffff\ufffe\ufdd0\u0001\u000by'), 'xy');
  assert.equal(xmlText('lone \ud800 high, lone \udc00 low, pair \ud83d\ude00'), 'lone  high, lone  low, pair \ud83d\ude00');
  assert.equal(xmlText('tab\tline\nreturn\r'), 'tab\tline\nreturn\r');
  const { svg } = badgeSvg({ title: 'T\uffff\u202e', display_score: '1.0', max: 100, zone: 'RED', label: 'Red' });
  assert.doesNotMatch(svg, /[\uffff\u202e]/);
});

test('CSV cells: quoting, and no formula can run in a spreadsheet', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=1+1'), "'=1+1");
  assert.equal(csvCell('=HYPERLINK("x","y")'), `"'=HYPERLINK(""x"",""y"")"`);
  // Spreadsheets skip leading spaces, and read full-width marks as formula marks.
  for (const text of [' =1+1', '  +1', '\u3000=1', '\uff1d1+1', '\uff0b1', '\uff0d1', '\uff20SUM(A1)']) assert.ok(csvCell(text).startsWith("'"), JSON.stringify(text));
  for (const lead of ['+', '-', '@', '\t', '\r']) assert.ok(csvCell(`${lead}x`).replace(/^"/, '').startsWith("'"), JSON.stringify(lead));
  assert.equal(csvCell(-2), '-2', 'numbers are data, not formulas');
  assert.equal(csvRow(['a', 1, 'b,c']), 'a,1,"b,c"');
});

test('file names and single-line titles', () => {
  assert.equal(fileSlug('../../etc/passwd'), 'etc-passwd');
  assert.equal(fileSlug('CON'), 'con');
  assert.equal(fileSlug('<script>'), 'script');
  assert.equal(fileSlug('日本語'), 'assessment');
  assert.equal(fileSlug('Café Owner'), 'cafe-owner');
  assert.ok(fileSlug('x'.repeat(59) + ' y').length <= 60);
  assert.equal(plainLine('A\u2028B\n\tC'), 'A B C');
  // Bidi controls cannot turn a single line around.
  assert.equal(plainLine('Nurse\u202e gnirettahs\u202c \u2067x\u2069\u200f\u061c'), 'Nurse gnirettahs x');
  assert.equal(markdownText('a\u202eb'), 'ab');
});
