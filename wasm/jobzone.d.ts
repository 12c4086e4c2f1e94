// The interface of the wasm module (wasm/bindings.cpp, built as jobzone.js + jobzone.wasm), and
// the JSON its functions return. Every function takes and returns a string; parse the result
// with JSON.parse. No function throws: problems come back as {ok: false, errors}.

/** One problem with the input, named by JSON path: {path: "tasks[2].score", message: "must be an integer from 1 to 5, got 7"}. */
export interface FieldError {
  path: string;
  message: string;
}

export type Failure = { ok: false; errors: FieldError[] };

export type Zone = 'GREEN' | 'YELLOW' | 'RED';

export interface Points {
  key: string;
  label: string;
  points: number;
}

/** What score() returns on success (the CLI's `jobzone score` prints the same, byte for byte). */
export interface Result {
  weighted_task_score: number;
  task_resistance: number;
  totals: { evidence: number; barriers: number; protective: number; growth: number };
  modifiers: { evidence: number; barriers: number; growth: number };
  raw: number;
  score_unclamped: number;
  /** Clamped to the methodology's 0..100. */
  score: number;
  /** True only when the formula left the scale (not for rounding noise at exactly 100). */
  clamped: boolean;
  zone: Zone;
  zone_name: string;
  verdict: string;
  label: string;
  quick_screen: { protective: number; growth: number; likely: string; zone: Zone | null; text: string; rule: string; status: 'published' | 'assumed'; /** false when a protective principle is not judged (null): no screen. */ judged: boolean };
  /** Time share by impact key (the methodology's `inputs.impacts`). */
  split: Record<string, number>;
  time_share_3plus: number;
  threshold_margin: number;
  to_next_zone: number | null;
  /** The published weights (50/20/15/10/5): these do not add up to the score. */
  composition: Points[];
  /** The neutral role's score, then the formula's four factors: adds up to score_unclamped exactly. */
  attribution: Points[];
  /** Each rule that fired; its text is in the methodology, by id. */
  rules: { id: string; status: 'published' | 'assumed' | 'assessor' }[];
  final: { score: number; display_score: string; zone: Zone; label: string; overridden: boolean; reason: string };
  /**
   * Figures as the published page prints them, each rounded once from its exact value, half away
   * from zero; `score` never reads as another zone ("47.96", not "48.0") nor as 100 below it.
   */
  display: {
    weighted_task_score: string;
    task_resistance: string;
    modifiers: { evidence: string; barriers: string; growth: string };
    raw: string;
    score: string;
    threshold_margin: string;
    to_next_zone: string | null;
    /** At the printed score's decimals (differs from `score` only when clamped). */
    score_unclamped: string;
    raw_calculation: string;
    score_calculation: string;
    /** The attribution's parts at the score's decimals, adding up to attribution_total (the unclamped score). */
    attribution: { key: string; points: string }[];
    attribution_total: string;
  };
}

export interface Step {
  value: number;
  score: number;
  display: string;
}

/** What insight() returns on success. */
export interface Insight {
  score: number;
  /** Sorted by swing, largest first. `input` is a JSON path ("tasks[2].score", "evidence.wage_trends"). */
  sensitivity: { input: string; label: string; value: number; down: Step | null; up: Step | null; swing: number }[];
  uncertainty: {
    method: 'exact';
    p10: number;
    p50: number;
    p90: number;
    display: { p10: string; p50: string; p90: string };
    /** Probability of each zone. */
    zones: Record<Zone, number>;
    judged_inputs: number;
    outcomes: number;
  };
  best_move: { from: number; to: number; points: number; score: number; display_score: string; delta: number; zone: Zone; label: string } | null;
}

/** An assessment document (`jobzone-assessment/1`; web/schema/ describes it in full). */
export type Assessment = Record<string, unknown> & { format: 'jobzone-assessment/1' };

export interface JobzoneModule {
  /** Scores an assessment (a JSON text): `{ok: true, result: Result} | Failure`. */
  score(assessmentJson: string): string;
  /** Validates and normalises: `{ok: true, assessment: Assessment} | Failure`. */
  validate(assessmentJson: string): string;
  /** Sensitivity, exact uncertainty and best move: `{ok: true, insight: Insight} | Failure`. */
  insight(assessmentJson: string): string;
  /** core/methodology.json, verbatim: every number and rule, each marked published or assumed. */
  methodology(): string;
  /** Where the same text sits, UTF-8, in the module's memory (HEAPU8): its first byte... */
  methodology_address(): number;
  /** ...and its length in bytes. */
  methodology_length(): number;
  /** The module's memory, as bytes (a new view after the memory grows). */
  HEAPU8: Uint8Array;
}

export interface ModuleOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
  /** Instantiates the module with these imports (a module compiled elsewhere), then calls done. */
  instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => object;
}

/** The module factory (Emscripten MODULARIZE + EXPORT_ES6, EXPORT_NAME=createJobzone). */
declare function createJobzone(options?: ModuleOptions): Promise<JobzoneModule>;
export default createJobzone;
