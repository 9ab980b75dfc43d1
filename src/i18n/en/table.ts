/** English messages of src/table/. Keys are `code` or `code/variant`; params are the structured values. */
import type { Fragment } from '../catalogue.js';

const UTF8 = 'UTF-8 text (in Excel: Save As → "CSV UTF-8")';

export const table = {
  'unknown-format': { message: () => 'unknown file type', expected: () => '.csv (also .txt, .tsv), .json or .xlsx (also .xlsm)' },
  'bad-encoding/utf-16': { message: () => 'the file is UTF-16 text', expected: () => UTF8 },
  'bad-encoding/not-utf-8': { message: () => 'the file is not UTF-8 text (another encoding, such as Windows-1258?)', expected: () => UTF8 },
} satisfies Fragment;
