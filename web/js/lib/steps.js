// Work written as a generator that yields between small steps: run to its end at once, or paced
// (a pause between batches), so a long piece of work never holds a task past a few milliseconds.

/**
 * A task boundary: what comes after runs in a new task, so the reader's input can come first
 * (scheduler.yield where there is one; else a message, which, unlike a timer, is never delayed).
 * @returns {Promise<void>}
 */
export function nextTask() {
  const scheduler = /** @type {any} */ (globalThis).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(0);
  });
}

/**
 * What `promise` settles with, or undefined if it has not settled in `ms` (or failed): a wait on
 * another thread that never holds the page longer than that.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T | undefined>}
 */
export function within(promise, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  return Promise.race([promise.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

/**
 * Runs a generator to its end; returns what it returns.
 * @template T
 * @param {Generator<unknown, T, unknown>} steps
 * @returns {T}
 */
export function finish(steps) {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * Runs a generator with `pause()` awaited between its steps: after every step (budgetMs 0), or
 * once the steps since the last pause have taken budgetMs (each step may overrun it by its own
 * length). Resolves with what the generator returns.
 * @template T
 * @param {Generator<unknown, T, unknown>} steps
 * @param {() => Promise<unknown>} pause
 * @param {number} [budgetMs]
 * @returns {Promise<T>}
 */
export async function paced(steps, pause, budgetMs = 0) {
  let since = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - since >= budgetMs) {
      await pause();
      since = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}
