/** English messages of src/criteria/. Keys are `code` or `code/variant`; params are the structured values. */
import type { Fragment } from '../catalogue.js';

export const criteria = {} satisfies Fragment;
