// The scoring engine: the wasm module, loaded once, lazily, as a cached promise. The build
// bundles the Emscripten glue as its own chunk and names the content-hashed .wasm file.
/* global __JOBZONE_WASM__ */ // (typed in web/js/globals.d.ts)
import { nextTask, within } from '../lib/steps.js';
let enginePromise = null;

/**
 * The engine's calls over a module instance. The core never throws, so a call that fails is a
 * trap (a defect, or memory exhausted): that instance is done with, the call answers with an
 * error like any other (the page keeps its last valid state and says so), and a fresh instance
 * from `instantiate` takes its place for the calls that follow.
 */
/**
 * @param {import('@jobzone/wasm').JobzoneModule} first
 * @param {() => Promise<import('@jobzone/wasm').JobzoneModule>} instantiate
 */
export function engineOf(first, instantiate, methodology = null) {
  let module = first;
  let restarting = null;
  const restart = () => {
    module = null;
    restarting ??= instantiate().then((fresh) => { module = fresh; }).catch(() => {}).finally(() => { restarting = null; });
  };
  const call = (name, text) => {
    // Only text crosses into the module (embind refuses anything else with an error of its own).
    if (typeof text !== 'string') return { ok: false, errors: [{ path: '(root)', message: 'there is no assessment here (expected a JSON object)' }] };
    if (module) {
      try {
        return JSON.parse(module[name](text));
      } catch (error) {
        restart();
        const why = String(error?.message ?? error).slice(0, 120);
        return { ok: false, errors: [{ path: '(root)', message: `internal error: the scoring engine stopped (${why}) and is being restarted; try again` }] };
      }
    }
    restart();
    return { ok: false, errors: [{ path: '(root)', message: 'internal error: the scoring engine is restarting; try again' }] };
  };
  const score = (assessment) => call('score', JSON.stringify(assessment));
  return {
    /** Scores an assessment object: {ok: true, result} or {ok: false, errors: [{path, message}]}. */
    score,
    /** Sensitivity, uncertainty and best move: {ok: true, insight} or {ok: false, errors}. */
    insight: (assessment) => call('insight', JSON.stringify(assessment)),
    /** Validates a JSON text: {ok: true, assessment} or {ok: false, errors}. */
    validate: (text) => call('validate', text),
    // (As bytes, decoded natively: the std::string crossing is a loop in JavaScript.)
    methodology: methodology ?? JSON.parse(methodologyText(first)),
    /** Settles once a restart under way (if any) is over: for tests. */
    settled: () => restarting ?? Promise.resolve(),
    /** Scores as `score` does, as a promise (the deferred engine's answer may come from elsewhere). */
    scoreSoon: async (assessment) => score(assessment),
  };
}

/**
 * The methodology's text, decoded natively from the module's memory.
 * @param {import('@jobzone/wasm').JobzoneModule} module
 */
function methodologyText(module) {
  const at = module.methodology_address();
  return new TextDecoder().decode(module.HEAPU8.subarray(at, at + module.methodology_length()));
}

/** The content-hashed .wasm file's address. */
export const wasmUrl = () => new URL(__JOBZONE_WASM__, import.meta.url).href;

/**
 * Compiles the module from its file (streamed where the server allows), for a thread that hands
 * the compiled module to another (the insight worker to the page): resolves null if it cannot.
 * @returns {Promise<WebAssembly.Module | null>}
 */
export function compileModule() {
  return WebAssembly.compileStreaming(fetch(wasmUrl()))
    .catch(() => fetch(wasmUrl()).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes)))
    .catch(() => null);
}

/**
 * The engine, loaded once. `compiled`: the module compiled elsewhere (the insight worker compiles
 * it off the page's thread and sends it); when it comes as a module, this thread only instantiates
 * it, and shares its compiled code. Otherwise (null: no worker, or it could not) this thread
 * fetches and compiles the module itself.
 * @param {Promise<WebAssembly.Module | null> | null} [compiled]
 */
export function loadEngine(compiled = null) {
  enginePromise ??= first()
    .then(async ({ module, wasm }) => { await nextTask(); return engineOf(module, () => instantiate(wasm)); })
    .catch((error) => {
      enginePromise = null; // let a later call try again
      throw error;
    });
  return enginePromise;

  function first() {
    return Promise.resolve(compiled).then((wasm) => (wasm instanceof WebAssembly.Module ? start(wasm).catch(() => start(null)) : start(null)));
  }
  function start(/** @type {WebAssembly.Module | null} */ wasm) {
    return instantiate(wasm).then((module) => ({ module, wasm }));
  }
}

/**
 * Instantiates the module (`wasm` compiled elsewhere, or null: fetched and compiled here).
 * @param {WebAssembly.Module | null} [wasm]
 * @returns {Promise<import('@jobzone/wasm').JobzoneModule>}
 */
function instantiate(wasm = null) {
  return import('@jobzone/wasm').then((m) => {
    if (!wasm) return m.default({ locateFile: wasmUrl });
    // Emscripten's hook: instantiate the given module with its imports. A failure there would
    // leave the factory waiting, so it is raced here and the caller falls back.
    let failed = (/** @type {any} */ _error) => {};
    const failure = new Promise((_, reject) => { failed = reject; });
    return Promise.race([failure, m.default({
      locateFile: wasmUrl,
      instantiateWasm: (imports, done) => {
        WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm), failed);
        return {};
      },
    })]);
  });
}

/**
 * An engine whose instance on this thread is made at its first call, not before: for a page
 * that shows figures computed elsewhere (a prerendered role page, taken over with the insight
 * worker's score), which needs no instance of its own until the reader changes something.
 * `methodology` and the compiled `wasm` module come from the worker; `factory` is the
 * Emscripten glue, already imported. The first call instantiates synchronously (the module is
 * compiled, so this is its imports and embind's registrations, one short stretch) and answers
 * at once, so every caller keeps the engine's synchronous calls. `scoreSoon` answers from
 * `elsewhere` (the worker) while there is no instance here.
 * `onFail`: told if this thread cannot make the instance (its calls then answer with an error).
 * @param {{ methodology: any, wasm: WebAssembly.Module, factory: (moduleArg: object) => Promise<any>,
 *   elsewhere: (assessment: any) => Promise<any>, onFail?: (error: any) => void }} parts
 */
export function deferredEngine({ methodology, wasm, factory, elsewhere, onFail = (/** @type {any} */ _error) => {} }) {
  /** @type {ReturnType<typeof engineOf> | null} */
  let engine = null;
  const made = () => {
    if (engine) return engine;
    let refused = null; // (the glue catches its hook's error and only logs it)
    try {
      const moduleArg = /** @type {any} */ ({
        locateFile: wasmUrl,
        instantiateWasm: (imports, done) => {
          try {
            done(new WebAssembly.Instance(wasm, imports), wasm);
          } catch (error) {
            refused = error;
            throw error;
          }
          return {};
        },
      });
      factory(moduleArg); // (with the instance given at once, the glue's run completes in this call)
      if (!moduleArg.calledRun) throw refused ?? new Error('the module did not start');
      engine = engineOf(moduleArg, () => instantiate(wasm), methodology);
      performance.mark('jobzone:instantiated'); // (the tests read it)
    } catch (error) {
      // A browser that refuses to instantiate here (WebAssembly turned off for the page): the
      // page is told (onFail, after this call), and the engine tries the usual way on later calls.
      engine = engineOf(null, () => instantiate(wasm), methodology);
      setTimeout(() => onFail(error), 0);
    }
    return engine;
  };
  return {
    methodology,
    score: (assessment) => made().score(assessment),
    insight: (assessment) => made().insight(assessment),
    validate: (text) => made().validate(text),
    settled: () => engine?.settled() ?? Promise.resolve(),
    // (An answer from elsewhere that fails, or has not come in 4 s, is computed here instead.)
    scoreSoon: async (assessment) => (engine ? engine.score(assessment)
      : (await within(elsewhere(assessment), ELSEWHERE_WAIT_MS)) ?? made().score(assessment)),
    /** Makes the instance now (the reader is about to use it), if it is not made yet. */
    prepare: () => { made(); },
  };
}

/** How long a deferred engine waits for a score from elsewhere before it computes its own. */
const ELSEWHERE_WAIT_MS = 4000;

/** The Emscripten glue's factory, imported (for a deferred engine). */
export const glueFactory = () => import('@jobzone/wasm').then((m) => m.default);

/**
 * The smallest assessment the method allows (one task at the whole week, every input at its
 * lowest): what a warm-up checks and scores, so the browser compiles the module's code then.
 * @param {any} methodology
 */
export function smallestAssessment(methodology) {
  const { inputs: i } = methodology;
  const each = (scale, value) => Object.fromEntries(scale.dimensions.map((d) => [d.key, value]));
  return {
    format: 'jobzone-assessment/1', role: { title: 'warm-up' },
    tasks: [{ name: 'warm-up', time_pct: i.time_pct.total, score: i.task_score.min, impact: i.impacts[0].key, rationale: 'warm-up' }],
    evidence: each(i.evidence, 0), barriers: each(i.barriers, i.barriers.min), protective: each(i.protective, i.protective.min),
    ai_growth_correlation: 0, summary: 'warm-up',
  };
}
