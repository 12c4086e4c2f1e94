// A mark that shows only when something takes a while: `start()` arms it, and it is shown once
// `after` ms pass with no `done()`; `done()` clears it (and disarms it). An answer that comes
// sooner changes nothing on the page, so quick updates never flicker. The clock is a parameter
// (setTimeout and clearTimeout by default) so the tests can drive it without waiting.
/**
 * @param {(shown: boolean) => void} show draws or clears the mark
 * @param {{after?: number, setTimer?: (f: () => void, ms: number) => unknown, clearTimer?: (t: unknown) => void}} [options]
 */
export function busyMark(show, { after = 100, setTimer = setTimeout, clearTimer = clearTimeout } = {}) {
  /** @type {unknown} */
  let timer = null;
  let shown = false;
  const disarm = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  return {
    /** Something started: the mark shows if it is still going `after` ms from now. */
    start() {
      if (shown || timer !== null) return;
      timer = setTimer(() => {
        timer = null;
        shown = true;
        show(true);
      }, after);
    },
    /** It finished: the mark is cleared if it was shown, and never shown if it was not yet. */
    done() {
      disarm();
      if (shown) {
        shown = false;
        show(false);
      }
    },
    get shown() { return shown; },
  };
}
