// The text a blogger pastes: embed snippets built from data with the HTML writer in escape.js.
// Every title, id and URL goes through the escaping for the context it lands in.
import { tag, lines } from './escape.js';

/** The page on the site that shows a role (by id) or an assessment (by share-link state). */
function pageUrl(site, { role, state }, file = '') {
  const url = new URL(file, site);
  if (role) url.searchParams.set('role', role);
  else url.hash = `a=${state}`;
  return url.href;
}

/**
 * Both embed snippets for a role or an own assessment.
 * site: the URL of the folder jobzone is served from (ends in "/"); role: a published role id,
 * or state: the share-link payload ("1.xxxx"); title: the role's title, any text.
 */
export function embedSnippets({ site, role = null, state = null, title }) {
  const source = role ? { role } : { state }; // the widget's attribute, and what the page URLs carry
  const component = lines(
    tag('script', { type: 'module', src: new URL('embed.js', site).href }),
    tag('jobzone-score', source, tag('a', { href: pageUrl(site, source) }, `${title} on jobzone`)));
  const iframe = lines(
    tag('iframe', {
      'data-jobzone-frame': true, src: pageUrl(site, source, 'embed.html'), title: `jobzone score: ${title}`,
      width: 380, height: 160, style: 'border:0;max-width:100%',
    }),
    tag('script', { async: true, src: new URL('embed-frame.js', site).href }));
  return { component, iframe };
}
