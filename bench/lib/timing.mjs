/**
 * Timing helpers: warm-up runs, then N timed runs with performance.now(); the median is the figure
 * reported (robust to a stray GC or a busy neighbour on a 2-core machine), with min and max kept.
 */

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Runs `fn` (sync or async) `warmup` times untimed, then `runs` times timed; returns ms statistics. */
export async function measure(fn, { warmup = 1, runs = 5 } = {}) {
  let last;
  for (let i = 0; i < warmup; i++) last = await fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    samples.push(performance.now() - t);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), runs, warmup, samplesMs: samples, last };
}
