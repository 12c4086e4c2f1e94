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
// The warm message carries the methodology (as JSON text), so a page that shows figures computed ahead (a
// prerendered role page) needs no engine of its own to take its page over.
engine.then((e) => {
  const tiny = smallestAssessment(e.methodology);
  e.validate('{}');
  e.validate(JSON.stringify(tiny));
  e.score(tiny);
  e.insight(tiny);
  return JSON.stringify(e.methodology);
}).catch(() => null).then((methodology) => self.postMessage({ warm: true, methodology }));
self.addEventListener('message', async ({ data }) => {
  // {scoreId, input}: a score (the page's first, while it has no instance of its own);
  // {id, input}: the analyses.
  const { id, scoreId, input } = data;
  try {
    const e = await engine;
    // (As text: the page parses it faster than it takes in a cloned object tree.)
    if (scoreId !== undefined) self.postMessage({ scoreId, out: JSON.stringify(e.score(input)) });
    else self.postMessage({ id, out: e.insight(input) });
  } catch (error) {
    self.postMessage({ id, scoreId, error: String(error?.message ?? error) });
  }
});
