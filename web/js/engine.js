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
    /**
     * Checks, then scores, the smallest assessment the method allows, and throws the answers away:
     * the browser compiles the module's code on its first use, and this way that happens in two
     * short tasks of its own (`between` runs between them) rather than in the first score a
     * reader waits for.
     */
    async warmUp(between) {
      const { inputs: i } = this.methodology;
      const each = (scale, value) => Object.fromEntries(scale.dimensions.map((d) => [d.key, value]));
      const tiny = {
        format: 'jobzone-assessment/1', role: { title: 'warm-up' },
        tasks: [{ name: 'warm-up', time_pct: i.time_pct.total, score: i.task_score.min, impact: i.impacts[0].key, rationale: 'warm-up' }],
        evidence: each(i.evidence, 0), barriers: each(i.barriers, i.barriers.min), protective: each(i.protective, i.protective.min),
        ai_growth_correlation: 0, summary: 'warm-up',
      };
      this.validate(JSON.stringify(tiny));
      await between();
      this.score(tiny);
    },
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
