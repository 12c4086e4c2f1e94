// The analyses (sensitivity, exact uncertainty, best move) on a worker thread, so a slider never
// waits for them: the page sends the newest inputs, this answers with their insight. Loaded as a
// module worker from the site's insight-worker.js; the engine is the same wasm module.
import { compileModule, loadEngine, smallestAssessment } from './engine.js';

// The module is compiled here, off the page's thread, and sent to the page, which instantiates it
// and so compiles nothing itself (its code is this code: the page's first calls find it compiled).
const compiled = compileModule();
compiled.then((module) => {
  try {
    self.postMessage({ module });
  } catch {
    self.postMessage({ module: null }); // (a browser that cannot send a module: the page compiles its own)
  }
});
const engine = loadEngine(compiled);
// Warm-up, on this thread: the browser compiles the module's code on its first use, and the page's
// module shares that compiled code (the same bytes), so the page's own first calls find most of
// it done and hold its thread for less. Then the page is told (it waits for this, not long).
engine.then((e) => {
  const tiny = smallestAssessment(e.methodology);
  e.validate('{}');
  e.validate(JSON.stringify(tiny));
  e.score(tiny);
  e.insight(tiny);
}).catch(() => {}).finally(() => self.postMessage({ warm: true }));
self.addEventListener('message', async ({ data }) => {
  const { id, input } = data;
  try {
    const out = (await engine).insight(input);
    self.postMessage({ id, out });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
