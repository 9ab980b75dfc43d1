/** A tiny argument parser for the bench scripts: `--flag`, `--key value`, `--key=value`. */
export function parseArgs(argv, { booleans = [] } = {}) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = (eq < 0 ? a.slice(2) : a.slice(2, eq)).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (eq >= 0) out[key] = a.slice(eq + 1);
    else if (booleans.includes(key) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) out[key] = true;
    else out[key] = argv[++i];
  }
  return out;
}

/** A whole number from an option (accepts 1e6, 1_000_000, 10k, 5M). */
export function count(v, fallback) {
  if (v === undefined || v === true) return fallback;
  const s = String(v).replace(/_/g, '').trim();
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s);
  const n = m ? Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]) ? 1e3 : 1e6) : Number(s);
  if (!Number.isFinite(n) || n < 0) throw new Error(`not a count: ${v}`);
  return Math.round(n);
}
