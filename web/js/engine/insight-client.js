// The page's side of the insight worker: sends the newest inputs, at most one request in flight
// (inputs that arrive meanwhile replace each other, so only the latest is computed next), and
// answers with the insight of the newest request, tagged with the revision it was asked for. The
// worker starts when the page is idle after its first drawing (which computes its own), or at
// the first request.
// Where a worker cannot run, `available` turns false and the page computes on its own thread.
import { siteUrl } from '../lib/site.js';
import { within } from '../lib/steps.js';

export function insightWorker(onResult) {
  let worker = null;
  let busy = false;
  let queued = null; // {id, input, revision}
  let lastId = 0;
  let lastRevision = null;
  /** @type {(methodology?: any) => void} */
  let settleWarm = () => {};
  /** @type {Promise<any>} (the methodology, or undefined when the worker has none to give) */
  const warmed = new Promise((resolve) => { settleWarm = resolve; });
  let lastScoreId = 0;
  /** @type {Map<number, {resolve: (out: any) => void, reject: (error: Error) => void}>} */
  const scores = new Map();
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
      return warmed.then(() => {});
    },
    /**
     * What a page needs to take over figures computed ahead without an engine instance of its
     * own: the compiled module and the methodology, once the worker has both (within `waitMs`),
     * else null (the page then loads its own engine, as without a worker).
     * @param {number} waitMs
     * @returns {Promise<{wasm: WebAssembly.Module, methodology: any} | null>}
     */
    ahead(waitMs) {
      return Promise.all([client.compiled(waitMs), within(warmed, waitMs)])
        .then(([w, m]) => (w instanceof WebAssembly.Module && m && client.available ? { wasm: w, methodology: m } : null));
    },
    /**
     * The score of `assessment`, computed by the worker.
     * @returns {Promise<any>}
     */
    score(assessment) {
      if (!worker) start();
      if (!client.available) return Promise.reject(new Error('no worker'));
      const scoreId = ++lastScoreId;
      return new Promise((resolve, reject) => {
        scores.set(scoreId, { resolve, reject });
        worker.postMessage({ scoreId, input: assessment });
      });
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
        settleWarm(typeof data.methodology === 'string' ? JSON.parse(data.methodology) : undefined);
        return;
      }
      if (data.scoreId !== undefined) {
        const waiting = scores.get(data.scoreId);
        scores.delete(data.scoreId);
        if (data.error || typeof data.out !== 'string') waiting?.reject(new Error(data.error ?? 'no score'));
        else waiting?.resolve(JSON.parse(data.out));
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
    for (const waiting of scores.values()) waiting.reject(new Error('the worker stopped'));
    scores.clear();
    client.available = false;
    worker?.terminate();
    onResult(null, lastRevision); // the page computes this one itself
  }
  return client;
}
