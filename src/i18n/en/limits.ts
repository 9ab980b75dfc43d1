/** English messages of the limits that keep hostile inputs from exhausting the stack or memory. */
import type { Fragment } from '../catalogue.js';

export const limits = {
  'framework-too-deep': {
    message: (p: { code: string; max: number }) => `criterion "${p.code}" is more than ${p.max} levels deep`,
    expected: (p: { code: string; max: number }) => `a framework of at most ${p.max} levels (1 → 1.1 → 1.1.1 is 3)`,
  },
} satisfies Fragment;
