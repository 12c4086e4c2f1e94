// Sizes jobzone iframes to the height their page reports, accepting only messages from
// jobzone's own origin and from that very frame. Shared by the widget's iframe mode and
// embed-frame.js. One window listener serves every registration, however many frames or
// attribute changes a page has.
const watchers = new Set();
let listening = false;

function onMessage(event) {
  const height = event.data?.['jobzone:height'];
  if (typeof height !== 'number' || !Number.isFinite(height)) return;
  for (const { frames, origin } of watchers) {
    if (event.origin !== origin) continue;
    for (const frame of frames()) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(Math.ceil(height), 40), 4000)}px`;
    }
  }
}

/** Registers a source of frames (a function returning them) from `origin`; returns the unregister function. */
export function listenForFrameHeights(frames, origin) {
  const watcher = { frames, origin };
  watchers.add(watcher);
  if (!listening) {
    addEventListener('message', onMessage);
    listening = true;
  }
  return () => watchers.delete(watcher);
}
