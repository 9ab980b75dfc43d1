import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', xlsx: 'src/xlsx/index.ts' },
    format: ['esm', 'cjs'],
    // Declarations leave out what is marked @internal (the engine's types behind public objects).
    dts: { compilerOptions: { stripInternal: true } },
    sourcemap: true,
    // No `clean` here: the two builds run at once and one's clean could remove the other's output;
    // `npm run build` empties dist first.
    shims: true,
    target: 'node20',
    treeshake: true,
    // zod is bundled (only the zod/mini parts the schemas use): one parsed file instead of zod's ~80
    // modules saves ~70 ms of import time (bench/size.mjs); the declarations do not mention zod.
    noExternal: ['zod'],
    // Shared chunks for CJS too (esbuild splits only ESM by default): otherwise node.cjs carries its own
    // copy of Round and ParIndexError, and score(await loadRound(…)) fails under require().
    splitting: true,
  },
  {
    entry: { cli: 'src/cli/main.ts', 'audit-worker': 'src/cli/audit-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    shims: true,
    target: 'node20',
    // Start-up: the libraries the commands load are bundled (one file to read and parse instead of
    // dozens of package modules, each resolved, read and — for CommonJS — scanned for its exports:
    // bundling saxes, fflate and lossless-json took ~30 ms off every run, see docs/benchmarks.md).
    // Heavy, rarely used libraries (exceljs, DuckDB, cli-progress) stay external and are imported only
    // when a command needs them. Bundled CommonJS (commander, saxes) needs `require`.
    noExternal: ['zod', 'commander', 'csv-parse', 'saxes', 'xmlchars', 'fflate', 'lossless-json'],
    // One file, no chunks: split by command (each loaded by dynamic import when chosen), `score` still
    // read ~40 files and started ~20 ms slower than from one file (each module file is resolved, read,
    // compiled and linked on its own), for ~5 ms less on `--version`. Whitespace and comments are left
    // out: a sixth less to read and scan at every start (~5 ms).
    splitting: false,
    minifyWhitespace: true,
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __parindexCreateRequire } from 'node:module';\nconst require = __parindexCreateRequire(import.meta.url);" },
  },
  {
    // Every engine module, for the benchmarks and the data generator (npm run bench / gen): built
    // outside dist, so it is never shipped, and decimal.js (the test reference) stays a dev dependency.
    entry: { internal: 'src/internal.ts' },
    outDir: 'build',
    format: ['esm'],
    shims: true,
    target: 'node20',
    splitting: false,
  },
]);
