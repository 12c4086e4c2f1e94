// The page's side of the insight worker: sends the newest inputs, at most one request in flight
// (inputs that arrive meanwhile replace each other, so only the latest is computed next), and
// answers with the insight of the newest request, tagged with the revision it was asked for. The
// worker starts when the page is idle after its first drawing (which computes its own), or at
// the first request.
// Where a worker cannot run, `available` turns false and the page computes on its own thread.
import { siteUrl } from '../lib/site.js';

export function insightWorker(onResult) {
  let worker = null;
  let busy = false;
  let queued = null; // {id, input, revision}
  let lastId = 0;
  let lastRevision = null;
  let settleWarm = () => {};
  /** @type {Promise<void>} */
  const warmed = new Promise((resolve) => { settleWarm = resolve; });
  /** @type {(module: WebAssembly.Module | null) => void} */
  let settleCompiled = () => {};
  /** @type {Promise<WebAssembly.Module | null>} */
  const compiled = new Promise((resolve) => { settleCompiled = resolve; });
  const client = {
    available: typeof Worker === 'function',
    /**
     * Starts the worker ahead of the first request, so no move waits for it; settles once it has
     * used the engine's code (the page's own first calls then find it compiled), or has failed.
     * @returns {Promise<void>}
     */
    warm() {
      if (!worker && client.available) start();
      if (!client.available) settleWarm();
      return warmed;
    },
    /**
     * The wasm module the worker compiled, for the page to instantiate (null when there is no
     * worker, it could not, or it takes longer than `waitMs`: the page then compiles its own, and
     * no longer waits for the worker's warm-up either, since a worker this slow is no help).
     * @param {number} waitMs
     * @returns {Promise<WebAssembly.Module | null>}
     */
    compiled(waitMs) {
      client.warm();
      if (!client.available) settleCompiled(null);
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const late = new Promise((resolve) => {
        timer = setTimeout(() => { settleWarm(); resolve(null); }, waitMs);
      });
      return Promise.race([compiled.finally(() => clearTimeout(timer)), late]);
    },
    /** Asks for the insight of `input` (the page's revision `revision`). */
    request(input, revision) {
      if (!worker) start();
      if (!client.available) return;
      const job = { id: ++lastId, input };
      lastRevision = revision;
      if (busy) queued = job;
      else send(job);
    },
  };
  function start() {
    try {
      worker = new Worker(siteUrl('insight-worker.js'), { type: 'module' });
    } catch {
      client.available = false;
      settleWarm();
      settleCompiled(null);
      return;
    }
    worker.addEventListener('message', ({ data }) => {
      if ('module' in data) {
        settleCompiled(data.module instanceof WebAssembly.Module ? data.module : null);
        return;
      }
      if (data.warm) {
        settleWarm();
        return;
      }
      busy = false;
      if (queued) {
        const next = queued;
        queued = null;
        send(next);
      }
      if (data.error) fail();
      else if (data.id === lastId) onResult(data.out, lastRevision);
    });
    worker.addEventListener('error', fail);
  }
  function send(job) {
    busy = true;
    worker.postMessage(job);
  }
  function fail() {
    settleWarm();
    settleCompiled(null);
    client.available = false;
    worker?.terminate();
    onResult(null, lastRevision); // the page computes this one itself
  }
  return client;
}
