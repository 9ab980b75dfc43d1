/** English messages of src/sipas/. Keys are `code` or `code/variant`; params are the structured values. */
import type { Fragment } from '../catalogue.js';

export const sipas = {} satisfies Fragment;
