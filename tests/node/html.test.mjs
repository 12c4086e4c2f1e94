// Every snippet jobzone hands a blogger is valid HTML (html-validate's recommended rules, as the
// built pages are checked by scripts/lint), for a published role and for an own assessment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HtmlValidate } from 'html-validate';
import { embedSnippets } from '../../web/js/share/snippets.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
// The iframe snippet keeps width="100%" and frameborder="0": on a host that runs no script and
// forbids inline styles they are the only way to a full-width frame without a border
// (tests/e2e/embed-hosts.test.mjs checks that host). Nothing else is exempt.
const iframeValidator = new HtmlValidate({
  extends: ['html-validate:recommended'], rules: { 'attribute-allowed-values': 'off', 'no-deprecated-attr': 'off' },
});

const HOSTILE = 'A & B <script>alert(1)</script> "quoted" \u202e';
const cases = [
  { site: 'https://example.org/jobzone/', role: 'ai-research-engineer-mid-senior', title: 'AI Research Engineer' },
  { site: 'https://example.org/', state: '1.abcDEF_-', title: HOSTILE, interactive: true, tasks: 4 },
  { site: '/', role: 'x', title: HOSTILE, theme: 'dark', width: 480, script: false },
];

test('every snippet (component, iframe, image) is valid HTML, hostile titles included', async () => {
  for (const c of cases) {
    const s = embedSnippets(c);
    for (const [name, html] of [['component', s.component], ['iframe', s.iframe], ['image', s.imageHtml]]) {
      const report = await (name === 'iframe' ? iframeValidator : validator).validateString(html);
      const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
      assert.deepEqual(problems, [], `${name} for ${JSON.stringify(c)}:\n${html}`);
    }
  }
});
