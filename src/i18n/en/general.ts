/** English messages used across the package (not tied to one layer). */
import type { Fragment } from '../catalogue.js';

export const general = {
  'internal-error': { message: (p: { detail: string }) => `an internal error (a bug in parindex, please report it): ${p.detail}` },
} satisfies Fragment;
