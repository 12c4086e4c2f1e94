// The scoring engine: the wasm module, loaded once, lazily, as a cached promise. The build
// bundles the Emscripten glue as its own chunk and names the content-hashed .wasm file.
/* global __JOBZONE_WASM__ */
let enginePromise = null;

function wrap(module) {
  return {
    /** Scores an assessment object: {ok: true, result} or {ok: false, errors: [{path, message}]}. */
    score(assessment) {
      return JSON.parse(module.score(JSON.stringify(assessment)));
    },
    /** Sensitivity, uncertainty and best move: {ok: true, insight} or {ok: false, errors}. */
    insight(assessment) {
      return JSON.parse(module.insight(JSON.stringify(assessment)));
    },
    /** Validates a JSON text: {ok: true, assessment} or {ok: false, errors}. */
    validate(text) {
      return JSON.parse(module.validate(text));
    },
    methodology: JSON.parse(module.methodology()),
  };
}

export function loadEngine() {
  enginePromise ??= import('@jobzone/wasm')
    .then((m) => m.default({ locateFile: () => new URL(__JOBZONE_WASM__, import.meta.url).href }))
    .then(wrap)
    .catch((error) => {
      enginePromise = null; // let a later call try again
      throw error;
    });
  return enginePromise;
}
