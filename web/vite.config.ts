/**
 * The council page (issue 15): a static Vite app over the core's sources, built to dist/web with
 * relative URLs (any static host, `parindex serve`, a file share). Scoring runs in a module worker;
 * exceljs (its browser build) is loaded only when a workbook is written.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    // The package's own "browser" map, spelled out for the sources imported directly.
    alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
});
