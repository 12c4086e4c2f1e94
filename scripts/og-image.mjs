// A role's link-preview image (1200x630 PNG, og:image): its name, score, zone label and zone bar,
// drawn as SVG and rendered by resvg (@resvg/resvg-wasm) with Liberation Sans (Debian's
// fonts-liberation, which scripts/setup installs). Every text is escaped for XML. Build time only.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { xmlText } from '../web/js/lib/escape.js';
import { cardName, CARD_KIND, cardKind } from '../web/js/lib/card.js';
import { zoneColours, zoneSpans } from '../web/js/lib/zones.js';

export const OG = { width: 1200, height: 630 };
const FONTS = ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'];

let ready = null;
let fonts = null;
async function init() {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    await initWasm(fs.readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
    fonts = FONTS.map((f) => {
      if (!fs.existsSync(f)) throw new Error(`the preview images need ${f} (Debian package fonts-liberation; scripts/setup installs it)`);
      return fs.readFileSync(f);
    });
  })();
  return ready;
}

/** Words into at most `lines` lines of about `max` characters, the last cut with an ellipsis. */
function wrap(text, max, lines) {
  const out = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (`${line} ${word}`.length <= max) line = `${line} ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) {
    out.length = lines;
    out[lines - 1] = `${out[lines - 1].slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
  }
  return out.map((l) => (l.length > max ? `${l.slice(0, max - 1)}…` : l));
}

/** The preview's SVG for one card (card.js). */
export function ogSvg(card) {
  const { ink, paper } = zoneColours(card.zone);
  const title = wrap(cardName(card), 30, 2);
  const x = (v) => 80 + (Math.min(Math.max(v, 0), card.max) / card.max) * 1040;
  const bar = zoneSpans(card.zones, card.max)
    .map((z) => `<rect x="${x(z.from)}" y="470" width="${x(z.to) - x(z.from)}" height="24" fill="${zoneColours(z.zone).band}"/>`).join('');
  const mark = x(card.score);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG.width}" height="${OG.height}" viewBox="0 0 ${OG.width} ${OG.height}" font-family="Liberation Sans">
<rect width="1200" height="630" fill="#f6f7f9"/>
<rect x="40" y="40" width="1120" height="550" rx="28" fill="#ffffff" stroke="#d8dee4" stroke-width="2"/>
<text x="80" y="112" font-size="30" fill="#57606a">${CARD_KIND[cardKind(card)].image}</text>
${title.map((l, i) => `<text x="80" y="${185 + i * 66}" font-size="58" font-weight="bold" fill="#1b1f24">${xmlText(l)}</text>`).join('\n')}
<text x="80" y="${title.length > 1 ? 420 : 370}" font-size="${title.length > 1 ? 96 : 130}" font-weight="bold" fill="#1b1f24">${xmlText(card.display_score)}<tspan font-size="40" font-weight="normal" fill="#57606a">/${card.max}</tspan></text>
<rect x="${title.length > 1 ? 520 : 560}" y="${title.length > 1 ? 352 : 290}" width="${Math.min(580, 96 + card.label.length * 20)}" height="76" rx="38" fill="${paper}" stroke="${ink}" stroke-width="3"/>
<circle cx="${(title.length > 1 ? 520 : 560) + 38}" cy="${(title.length > 1 ? 352 : 290) + 38}" r="11" fill="${ink}"/>
<text x="${(title.length > 1 ? 520 : 560) + 62}" y="${(title.length > 1 ? 352 : 290) + 51}" font-size="38" font-weight="bold" fill="${ink}">${xmlText(card.label)}</text>
${bar}
<path d="M${mark - 16} 440 L${mark + 16} 440 L${mark} 466 Z" fill="#1b1f24"/>
<text x="80" y="545" font-size="26" fill="#57606a">0</text>
<text x="1120" y="545" font-size="26" fill="#57606a" text-anchor="end">${card.max}</text>
</svg>`;
}

/** The preview image of one card, as PNG bytes. */
export const ogImage = (card) => ogPng(ogSvg(card));

/** A preview's SVG (ogSvg) rendered to PNG bytes. */
export async function ogPng(svg) {
  await init();
  const resvg = new Resvg(svg, { font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: 'Liberation Sans' } });
  const png = resvg.render().asPng();
  resvg.free();
  return png;
}
