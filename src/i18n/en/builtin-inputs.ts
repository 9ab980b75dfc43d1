/**
 * English messages of built-in names given where a file is taken (`--units hanoi-2021`,
 * src/node/sample-files.ts). Keys are `code` or `code/variant`; params are the issue's structured values.
 */
import type { Fragment } from '../catalogue.js';

export const builtinInputs = {
  'ambiguous-input': {
    message: (p: { name: string }) => `"${p.name}" is both a built-in name and a file in the current folder`,
    expected: (p: { name: string }) => `./${p.name} for the file; to use the built-in, run from another folder or rename the file`,
  },
  'unknown-builtin': {
    message: (p: { name: string; suggestion: string; names: string }) => `no file and no built-in named "${p.name}"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}`,
    expected: (p: { name: string; suggestion: string; names: string }) => `a file (.csv, .json, .xlsx) or a built-in name: ${p.names}`,
  },
} satisfies Fragment;
