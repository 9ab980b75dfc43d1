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
  'league-too-large': {
    message: (p: { league: string; rows: number; max: number }) => `league "${p.league}" needs ${p.rows} rows, more than an Excel sheet holds`,
    expected: (p: { league: string; rows: number; max: number }) => `at most ${p.max} (unit, criterion) rows per league`,
  },
  'league-too-large/survey': {
    message: (p: { rows: number; max: number }) => `the survey results need ${p.rows} rows, more than an Excel sheet holds`,
    expected: (p: { rows: number; max: number }) => `at most ${p.max} (unit, criterion) rows`,
  },
} satisfies Fragment;
