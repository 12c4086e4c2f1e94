// embed.html: one <jobzone-score> from the URL (?role=, #a=, &theme=, &interactive), for hosts
// that embed an iframe. Reports its height to the parent page; it listens to no messages.
import './embed.js';

const params = new URLSearchParams(location.search);
const widget = document.createElement('jobzone-score');
if (params.get('role')) widget.setAttribute('role', params.get('role'));
if (location.hash.startsWith('#a=')) widget.setAttribute('state', location.hash.slice(3));
if (params.get('theme')) widget.setAttribute('theme', params.get('theme'));
if (params.has('interactive')) widget.setAttribute('interactive', '');
document.body.style.margin = '0';
document.getElementById('card').replaceChildren(widget);

const report = () => {
  if (parent !== window) parent.postMessage({ 'jobzone:height': document.documentElement.scrollHeight }, '*');
};
new ResizeObserver(report).observe(document.documentElement);
widget.addEventListener('jobzone:render', report);
