/** The two message catalogues: same keys, every message renders, and issues format in either language. */
import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en/index.js';
import { vi } from '../src/i18n/vi/index.js';
import { formatIssue, ParIndexError, problem } from '../src/errors.js';
import { langFromEnv } from '../src/i18n/lang.js';
import { styleNumber } from '../src/i18n/number-style.js';

describe('message catalogues', () => {
  it('English and Vietnamese have the same keys', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('an issue formats in Vietnamese by default and in English on request', () => {
    const issue = { file: 'don-vi.csv', row: 4, column: 'unit', columnLetter: 'A', ...problem('bad-encoding/not-utf-8'), value: 'S\u00F4' };
    expect(formatIssue(issue)).toBe('don-vi.csv, dòng 4, cột "unit" (A): tệp không phải văn bản UTF-8 (có thể là bảng mã khác, như Windows-1258?); giá trị là "Sô"; cần văn bản UTF-8 (trong Excel: Save As → "CSV UTF-8") [bad-encoding]');
    expect(formatIssue(issue, { lang: 'en' })).toBe(
      'don-vi.csv, row 4, column "unit" (A): the file is not UTF-8 text (another encoding, such as Windows-1258?); found "Sô"; expected UTF-8 text (in Excel: Save As → "CSV UTF-8") [bad-encoding]',
    );
    expect(new ParIndexError([issue, issue]).message).toMatch(/^don-vi\.csv, row 4, .* \[bad-encoding\] \(and 1 more problem\)$/);
  });
});

describe('language from the environment', () => {
  it('is Vietnamese unless PARINDEX_LANG or the first locale variable set names English', () => {
    expect(langFromEnv({})).toBe('vi');
    expect(langFromEnv({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8', LC_ALL: 'en_GB' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'vi_VN', LANG: 'en_US' })).toBe('vi');
    expect(langFromEnv({ LC_MESSAGES: 'en', LANG: 'vi' })).toBe('en');
    expect(langFromEnv({ PARINDEX_LANG: 'vi', LC_ALL: 'en_US' })).toBe('vi');
    expect(langFromEnv({ PARINDEX_LANG: 'en' })).toBe('en');
  });
});

describe('number style', () => {
  it('writes the decimal comma for vi and leaves other text alone', () => {
    expect(styleNumber('89.83', 'vi')).toBe('89,83');
    expect(styleNumber('-0.5', 'vi')).toBe('-0,5');
    expect(styleNumber('89.83', 'en')).toBe('89.83');
    expect(styleNumber('NA', 'vi')).toBe('NA');
    expect(styleNumber('12', 'vi')).toBe('12');
  });
});
