/** English messages of the limits that keep hostile inputs from exhausting the stack or memory. */
import type { Fragment } from '../catalogue.js';

export const limits = {
  'framework-too-deep': {
    message: (p: { code: string; max: number }) => `criterion "${p.code}" is more than ${p.max} levels deep`,
    expected: (p: { code: string; max: number }) => `a framework of at most ${p.max} levels (1 → 1.1 → 1.1.1 is 3)`,
  },
  'limit-exceeded/cell-bytes': {
    message: (p: { max: number }) => `a cell of this line holds more than ${p.max} bytes: not a table of survey forms (an endless or binary file?)`,
    expected: () => 'a CSV file of survey forms, one short cell per question',
  },
  'limit-exceeded/line-cells': {
    message: (p: { max: number }) => `this line has more than ${p.max} cells: not a table of survey forms (an endless or binary file?)`,
    expected: (p: { max: number }) => `at most ${p.max} cells per line`,
  },
  'limit-exceeded/file-bytes': {
    message: (p: { size: number; max: number }) => `the file has ${p.size} bytes, more than the ${p.max} bytes one input file may have`,
    expected: (p: { size: number; max: number }) =>
      `a smaller file, or a higher limit: --limit file-bytes=N (library: limits.fileBytes)${p.max >= 500 * 1024 * 1024 ? '; a CSV or JSON file over 500 MB cannot be read whole: split it, or save it as .xlsx' : ''}`,
  },
  'limit-exceeded/text-too-long': {
    message: (p: { size: number }) => `the file has ${p.size} bytes, too many to read as one text`,
    expected: () => 'a CSV or JSON file under 500 MB: split it into several evidence files, or save it as .xlsx',
  },
} satisfies Fragment;
