/** English messages of the workbook writer (src/xlsx/write.ts). */
import type { Fragment } from '../catalogue.js';

export const xlsxWrite = {
  'cannot-write/xml-character': {
    message: (p: { char: string }) => `this text holds the character ${p.char}, which an xlsx file cannot hold; the workbook is not written`,
    expected: () => 'text without control characters, U+FFFE, U+FFFF or lone surrogates (fix the input, or write --format csv or json, which carry the text whole)',
  },
  'cannot-write/cell-too-long': {
    message: (p: { length: number; max: number }) => `this text has ${p.length} characters; an Excel cell holds at most ${p.max}; the workbook is not written`,
    expected: () => 'a shorter text (or write --format csv or json, which carry the text whole)',
  },
} satisfies Fragment;
