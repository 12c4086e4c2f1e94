// Renders the app icons (PNG, 32 px for the tab, 192 and 512 px, plus a maskable 512) from web/icon.svg with
// headless Chromium. Run by hand when the icon changes; the PNGs are committed.
import fs from 'node:fs';
import path from 'node:path';
import { launch, root } from '../tests/e2e/browser.mjs';

const svg = fs.readFileSync(path.join(root, 'web/icon.svg'), 'utf8');
const browser = await launch();
/** @type {[string, number, number][]} */
const ICONS = [['icon-32.png', 32, 0], ['icon-192.png', 192, 0], ['icon-512.png', 512, 0], ['icon-maskable-512.png', 512, 0.12]];
for (const [name, size, padding] of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // Maskable: the artwork inside the safe zone, on a full-bleed background.
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(`<body style="margin:0;background:#0d1117;display:grid;place-items:center;width:${size}px;height:${size}px">
    <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`);
  await page.screenshot({ path: path.join(root, 'web/icons', name), omitBackground: false });
  await page.close();
}
await browser.close();
