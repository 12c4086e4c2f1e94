// The text a blogger pastes: embed snippets built from data with the HTML writer in escape.js.
// Every title, id and URL goes through the escaping for the context it lands in (HTML text, HTML
// attribute, Markdown). Pure functions, no DOM: also used by the build (oEmbed answers).
import { tag, lines, markdownText, markdownUrl } from '../lib/escape.js';

/**
 * The size an iframe card is declared at. The embed page fits this height at every width from
 * 300 to 600 px (tests/e2e/embed-hosts.test.mjs measures it), so the snippet needs no script and
 * no style; the script only trims the height to the content.
 */
export const CARD_FRAME = { width: 380, height: 200 };
/** The interactive card: the card, two sliders, and one per task. */
export const interactiveHeight = (tasks) => CARD_FRAME.height + 34 + 52 * (2 + tasks);

export const THEMES = ['auto', 'light', 'dark'];
export const WIDTHS = [320, 380, 480];

/** A URL on the site (absolute when `site` is, otherwise a path from the site's root). */
function siteUrl(site, file) {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(site);
  const url = new URL(file, absolute ? site : new URL(site, 'https://relative.invalid/'));
  return absolute ? url : { href: url.href.slice('https://relative.invalid'.length), url };
}

/** The page on the site that shows a role (by id) or an assessment (by share-link state). */
/** @param {string} site @param {{role?: string | null, state?: string | null}} source @param {string} [file] @param {object} [params] */
function pageUrl(site, { role = null, state = null }, file = '', params = {}) {
  const u = siteUrl(site, file);
  const url = u instanceof URL ? u : u.url;
  if (role) url.searchParams.set('role', role);
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== false) url.searchParams.set(k, v === true ? '1' : String(v));
  if (!role) url.hash = `a=${state}`;
  return u instanceof URL ? url.href : url.href.slice('https://relative.invalid'.length);
}

/**
 * Every embed snippet for a role or an own assessment.
 * site: the URL of the folder jobzone is served from (ends in "/"); role: a published role id,
 * or state: the share-link payload ("1.xxxx"); title: the role's title, any text; theme: auto,
 * light or dark; interactive: the mini calculator; width: the card's width in px (null: 380);
 * tasks: the number of tasks (the interactive iframe's height); script: add the iframe sizer;
 * badge: {width, height, alt} of the image badge (own assessments: the file the user uploads).
 */
export function embedSnippets({ site, role = null, state = null, title, theme = 'auto', interactive = false, width = null, tasks = 0, script = true, badge = null }) {
  const source = role ? { role } : { state }; // the widget's attribute, and what the page URLs carry
  const themeAttr = theme === 'light' || theme === 'dark' ? theme : null;
  const component = lines(
    tag('script', { type: 'module', src: siteUrl(site, 'embed.js').href }),
    tag('jobzone-score', { ...source, theme: themeAttr, interactive: interactive || null, width: width ?? null },
      tag('a', { href: pageUrl(site, source) }, `${title} on jobzone`)));
  const frame = { width: CARD_FRAME.width, height: interactive ? interactiveHeight(tasks) : CARD_FRAME.height };
  // Attributes only: a host whose style-src forbids inline styles shows it as well as any other.
  const frameSrc = pageUrl(site, source, 'embed.html', { theme: themeAttr, interactive, width });
  const iframe = lines(
    tag('iframe', {
      src: frameSrc, title: `jobzone score: ${title}`,
      width: '100%', height: frame.height, frameborder: '0', loading: 'lazy', 'data-jobzone-frame': true,
    }),
    script ? tag('script', { async: true, src: siteUrl(site, 'embed-frame.js').href }) : null);
  const link = pageUrl(site, source);
  const image = role ? siteUrl(site, `badge/${encodeURIComponent(role)}.svg`).href : 'jobzone-badge.svg';
  const alt = badge?.alt ?? `AI exposure of ${title} (JobZone method)`;
  const imageHtml = String(tag('a', { href: link }, tag('img', { src: image, alt, width: badge?.width ?? null, height: badge?.height ?? null })));
  const markdown = `[![${markdownText(alt)}](${markdownUrl(image)})](${markdownUrl(link)})`;
  return { component, iframe, imageHtml, markdown, frame, frameSrc, image, link };
}
