// embed.html: one <jobzone-score> from the URL (?role=, #a=, &theme=, &interactive, &width=), for
// hosts that embed an iframe. The card fills the frame at its declared size (the snippet's
// height holds at every width from 300 to 600 px), on a transparent page, so a dark or light
// blog shows around it and no band of another colour appears. It reports its height to the
// parent page (embed-frame.js may trim the frame to it); it listens to no messages.
import './embed.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('jobzone-score');
if (params.get('role')) widget.setAttribute('role', params.get('role'));
if (location.hash.startsWith('#a=')) widget.setAttribute('state', location.hash.slice(3));
if (['light', 'dark'].includes(params.get('theme'))) widget.setAttribute('theme', params.get('theme'));
if (params.has('interactive')) widget.setAttribute('interactive', '');
if (/^\d{3,4}$/.test(params.get('width') ?? '')) widget.setAttribute('width', params.get('width'));
widget.setAttribute('fill', '');
// CSSOM, not style attributes: the page's CSP allows no inline styles.
for (const el of [document.documentElement, document.body, document.getElementById('card')]) {
  el.style.margin = '0';
  el.style.height = '100%';
  el.style.background = 'transparent';
}
document.getElementById('fallback').replaceWith(widget);
// The frame's heading names it for screen readers (the card shows its own title); out of sight.
Object.assign(document.getElementById('frame-h').style, {
  position: 'absolute', width: '1px', height: '1px', margin: '0', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap',
});

const report = () => {
  if (parent !== window) parent.postMessage({ 'jobzone:height': document.documentElement.scrollHeight }, '*');
};
new ResizeObserver(report).observe(document.documentElement);
widget.addEventListener('jobzone:render', report);
