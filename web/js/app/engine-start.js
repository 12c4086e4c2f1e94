// The page's engine, started: after the first paint on a prerendered page (whose figures are
// drawn already, and taken over with the insight worker's score, with no instance of the module
// on this thread until the reader acts), at once elsewhere; warmed up in short tasks of its own.
import { deferredEngine, glueFactory, loadEngine, smallestAssessment } from '../engine/engine.js';
import { nextTask, within } from '../lib/steps.js';

/**
 * The page's engine. `insightThread`: the insight worker's client, which compiles the wasm module
 * off this thread and hands it over. `prerendered`: the page shows figures the build computed.
 * @param {ReturnType<typeof import('../engine/insight-client.js').insightWorker>} insightThread
 * `onFail`: told when a deferred engine cannot make its instance (WebAssembly turned off here).
 * @param {{prerendered: boolean, onFail: (error: any) => void}} options
 */
export function startPageEngine(insightThread, { prerendered, onFail }) {
  // The module's code is compiled on first use: a warm-up score does that in a task of its own.
  const warm = async (engine) => { await warmUp(engine, insightThread); return engine; };
  // The insight worker starts with the engine: it compiles the module's code on its thread first.
  // It compiles the wasm module there and hands it to this thread, which only instantiates it.
  const start = (waitMs = WORKER_MODULE_WAIT_MS) => loadEngine(insightThread.compiled(waitMs)).then(warm);
  // A prerendered page shows figures the build computed: it is taken over with the worker's score
  // and methodology, and makes its own instance of the module only when the reader changes
  // something (or shows they are about to: a touch, a key, focus). Without a worker, or with one
  // too slow to answer, the page loads its engine as any other page does.
  // (The glue is fetched meanwhile: no page preloads it, so nothing before the first paint waits on it.)
  const deferred = () => Promise.all([insightThread.ahead(WORKER_WARM_WAIT_MS), glueFactory().catch(() => null)])
    .then(([ahead, factory]) => {
      if (!ahead || !factory) return start(0); // (the worker's module, if it came, is here already: no second wait)
      const engine = deferredEngine({ ...ahead, factory, elsewhere: (a) => insightThread.score(a), onFail });
      prepareOnIntent(engine);
      return engine;
    });
  const asked = () => performance.mark('jobzone:engine'); // (the wasm is asked for from here on: the tests read it)
  // A prerendered role page is read first: the wasm is asked for once it has painted (or at the
  // reader's first touch), so the first paint never waits on it.
  return prerendered
    ? afterFirstPaint().then(() => { asked(); return deferred(); })
    : (asked(), glueFactory().catch(() => null), start());
}

/**
 * Checks an empty document (the core reads its methodology then), checks the smallest assessment
 * the method allows, then scores it, and throws the answers away: the browser compiles the
 * module's code on its first use, and this way that happens in three short tasks of its own rather
 * than in the first score a reader waits for. The insight worker has usually done most of that
 * compiling already, on its own thread (the page waits for it, never long).
 */
async function warmUp(engine, insightThread) {
  await within(insightThread.warm(), WORKER_WARM_WAIT_MS);
  await warmCalls(engine);
}

/** The warm-up's three calls, each in a task of its own. */
async function warmCalls(engine) {
  const tiny = smallestAssessment(engine.methodology);
  await nextTask();
  engine.validate('{}');
  await nextTask();
  engine.validate(JSON.stringify(tiny));
  await nextTask();
  engine.score(tiny);
}

/**
 * How long the page waits for the worker's compiled module before it compiles its own (a worker
 * whose module never comes costs a reader this long, once).
 */
const WORKER_MODULE_WAIT_MS = 1500;

/** How long the page's warm-up waits for the worker's (a browser without workers does not wait). */
const WORKER_WARM_WAIT_MS = 2000;

/**
 * A deferred engine makes its instance at its first call. The reader's first touch, key or focus
 * says a call is near: the instance is made then, in a task of its own, and warmed up (its
 * JavaScript side compiled) in three more, so the first moves do not wait for either.
 * @param {ReturnType<typeof deferredEngine>} engine
 */
function prepareOnIntent(engine) {
  const types = ['pointerdown', 'keydown', 'focusin', 'touchstart'];
  const prepare = () => {
    for (const type of types) removeEventListener(type, prepare, true);
    setTimeout(() => {
      engine.prepare();
      warmCalls(engine).catch(() => {});
    }, 0);
  };
  for (const type of types) addEventListener(type, prepare, { capture: true, passive: true });
}

/**
 * Resolves once the page has painted its content (the browser's first-contentful-paint entry; a
 * frame and a task where that is not reported), or at the reader's first touch or key.
 */
function afterFirstPaint() {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (performance.getEntriesByName('first-contentful-paint').length) return done();
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          done();
        }
      }).observe({ type: 'paint', buffered: true });
      setTimeout(resolve, 3000); // never later than this
    } else {
      requestAnimationFrame(() => setTimeout(resolve, 0));
    }
    for (const type of ['pointerdown', 'keydown', 'focusin']) addEventListener(type, resolve, { once: true, capture: true });
  });
}
