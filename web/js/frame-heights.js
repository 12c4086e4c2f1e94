// Sizes jobzone iframes to the height their page reports, accepting only messages from
// jobzone's own origin and from that very frame. Shared by the widget's iframe mode and
// embed-frame.js.
export function listenForFrameHeights(frames, origin) {
  addEventListener('message', (event) => {
    const height = event.data?.['jobzone:height'];
    if (event.origin !== origin || typeof height !== 'number' || !Number.isFinite(height)) return;
    for (const frame of frames()) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(Math.ceil(height), 40), 4000)}px`;
    }
  });
}
