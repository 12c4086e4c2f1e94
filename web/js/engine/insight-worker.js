// The analyses (sensitivity, exact uncertainty, best move) on a worker thread, so a slider never
// waits for them: the page sends the newest inputs, this answers with their insight. Loaded as a
// module worker from the site's insight-worker.js; the engine is the same wasm module.
import { loadEngine } from './engine.js';

const engine = loadEngine();
self.addEventListener('message', async ({ data }) => {
  const { id, input } = data;
  try {
    const out = (await engine).insight(input);
    self.postMessage({ id, out });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
