// Sizes jobzone iframe embeds to their content. Plain script, no wasm: for pages whose CSP runs
// no third-party WebAssembly. Only height messages from jobzone's own origin are accepted.
(() => {
  const origin = new URL(document.currentScript.src).origin;
  addEventListener('message', (event) => {
    const height = event.data && event.data['jobzone:height'];
    if (event.origin !== origin || typeof height !== 'number' || !isFinite(height)) return;
    for (const frame of document.querySelectorAll('iframe[data-jobzone-frame]')) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.min(Math.max(Math.ceil(height), 40), 4000)}px`;
    }
  });
})();
