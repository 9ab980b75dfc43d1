/** English messages of src/node/. Keys are `code` or `code/variant`; params are the structured values. */
import type { Fragment } from '../catalogue.js';

/** Why an output file cannot be written (from the system's error code); `other` shows the system's own words. */
export type WriteFault = 'no-folder' | 'not-a-folder' | 'permission' | 'in-use-or-read-only' | 'read-only-fs' | 'is-folder' | 'in-use' | 'disk-full' | 'other';

const WRITE_FAULTS: Record<WriteFault, string> = {
  'no-folder': 'its folder does not exist',
  'not-a-folder': 'a part of its folder path is a file, not a folder',
  permission: 'permission denied',
  'in-use-or-read-only': 'the file is in use or read-only (is it open in Excel? close it and run again)',
  'read-only-fs': 'the file system is read-only',
  'is-folder': 'it is a folder',
  'in-use': 'the file is in use (is it open in Excel? close it and run again)',
  'disk-full': 'the disk is full',
  other: '',
};

/** What an output path is when it is not a regular file. */
export type SpecialFile = 'fifo' | 'socket' | 'device';

const SPECIAL: Record<SpecialFile, string> = { fifo: 'a named pipe (FIFO)', socket: 'a socket', device: 'a device' };

type CannotWrite = { reason: WriteFault; detail?: string };
const REPLACEABLE = 'a new file name, or a regular file that may be replaced';

export const node = {
  'file-not-found': { message: () => 'the file does not exist', expected: () => 'a readable file' },
  'unreadable-file': { message: (p: { detail: string }) => `the file cannot be read (${p.detail})`, expected: (_: { detail: string }) => 'a readable file' },
  'unreadable-file/changed': { message: () => 'the file changed after it was read, before its evidence references were read back for the audit', expected: () => 'input files left unchanged while parindex runs; run the command again' },
  'cannot-write': {
    message: (p: CannotWrite) => `the output file cannot be written: ${p.reason === 'other' ? (p.detail ?? 'unknown reason') : WRITE_FAULTS[p.reason]}`,
    expected: (_: CannotWrite) => 'a file path in an existing folder that can be written',
  },
  'cannot-write/special': {
    message: (p: { kind: SpecialFile }) => `the output file cannot be written: it is ${SPECIAL[p.kind]}, not a file; the results would replace it`,
    expected: (_: { kind: SpecialFile }) => REPLACEABLE,
  },
  'cannot-write/read-only': { message: () => 'the output file cannot be written: the file is read-only; parindex does not overwrite it', expected: () => REPLACEABLE },
  'cannot-write/hard-links': {
    message: (p: { others: number }) => `the output file cannot be written: the file has ${p.others} other hard link${p.others > 1 ? 's' : ''}; replacing it would separate them`,
    expected: (_: { others: number }) => REPLACEABLE,
  },
  'out-is-input': {
    message: (p: { input: string }) => `--out names an input of this run (${p.input}); writing the results there would replace it`,
    expected: (_: { input: string }) => 'a new file name for the results (inputs are never overwritten)',
  },
  'no-results-sheet': {
    message: (p: { within: number }) => `no visible sheet of the workbook has a unit and an index column in its first ${p.within} rows`,
    expected: (_: { within: number }) => 'league sheets as parindex score --format xlsx writes them',
  },
  'no-web-build': {
    message: () => 'the council page is not built (no index.html in the folder)',
    expected: () => 'the built page in dist/web/: run `npm run build` in the parindex folder first',
  },
  'port-in-use': {
    message: (p: { port: number }) => `port ${p.port} is already in use (another parindex serve, or another program)`,
    expected: (_: { port: number }) => 'a free port: parindex serve --port N (or --port 0 for any free port)',
  },
  'port-in-use/denied': {
    message: (p: { port: number }) => `port ${p.port} may not be used by this user`,
    expected: (_: { port: number }) => 'a port from 1024 to 65535: parindex serve --port N (or --port 0 for any free port)',
  },
  'bad-csv/stream': { message: (p: { detail: string }) => `the file is not valid CSV: ${p.detail}`, expected: (_: { detail: string }) => 'comma-, semicolon- or tab-separated text with balanced quotes' },
} satisfies Fragment;
