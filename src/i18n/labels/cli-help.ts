/**
 * The CLI's help in both languages: what each command, argument and option does, and commander's
 * own words (headings, placeholders, the help and version options). Options are keyed by their
 * attribute name (`decimalComma` for `--decimal-comma`), or `command.attribute` where one command
 * means something else by it. src/cli/localize.ts puts these on the program; test/cli-lang.test.ts
 * checks that every command, argument and visible option has its words.
 */
import { pair } from '../catalogue.js';

/** Defaults and names the help quotes. */
export interface HelpValues {
  /** Built-in SIPAS definitions, comma-separated. */
  surveys: string;
  /** Default runs, seed, spread and revert of `sensitivity`. */
  runs: number;
  seed: number;
  spread: string;
  revert: string;
}

type Text = string | ((v: HelpValues) => string);

const vi = {
  program: 'Tính điểm và xếp hạng chính xác Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS)',
  commands: {
    score: 'tính điểm và xếp hạng một kỳ đánh giá Chỉ số cải cách hành chính',
    demo: 'tính điểm bộ dữ liệu mẫu có sẵn (theo khung Hà Nội 2021): xếp hạng cả hai khối',
    sipas: 'tính Chỉ số hài lòng SIPAS từ phiếu khảo sát gốc, xếp hạng theo từng khối',
    check: 'kiểm tra dữ liệu vào và liệt kê mọi lỗi; không tính điểm',
    explain: 'giải thích kết quả một đơn vị: cách đơn vị xếp trên, xếp dưới và từng mức xếp loại bao nhiêu điểm, mất điểm ở đâu',
    sensitivity: 'độ ổn định của thứ hạng khi trọng số từng tiêu chí bị thay đổi ngẫu nhiên (có hạt giống, chạy lại cho cùng kết quả)',
    compare: 'so sánh hai tệp kết quả (json, csv hoặc xlsx do parindex score ghi): thay đổi chỉ số, thứ hạng, điểm từng lĩnh vực và các đơn vị thay đổi nhiều nhất',
    template: 'ghi tệp Excel để hội đồng nhập liệu: bảng điểm (mỗi khối một trang tính) hoặc, với --kind survey, kết quả điều tra xã hội học; khoá cấu trúc, ô nhập có kiểm tra',
  } as Record<string, string>,
  arguments: {
    'compare.old': 'tệp kết quả kỳ trước',
    'compare.new': 'tệp kết quả kỳ sau',
  } as Record<string, string>,
  options: {
    lang: 'ngôn ngữ: vi (tiếng Việt) hoặc en (tiếng Anh); nếu không có, theo PARINDEX_LANG, LC_ALL, LC_MESSAGES, LANG',
    framework: 'khung tiêu chí (.csv, .json, .xlsx) hoặc tên khung có sẵn (hanoi-2021)',
    units: 'tệp danh sách đơn vị (.csv, .json, .xlsx)',
    evidence: 'tệp điểm tự chấm và điểm thẩm định (một hoặc nhiều tệp, dạng dọc hoặc dạng ngang)',
    survey: 'tệp kết quả điều tra xã hội học (đơn vị, tiêu chí, điểm)',
    decimalComma: 'số trong ô văn bản dùng dấu phẩy thập phân (12,5); khi đó dấu chấm là lỗi (cả tệp CSV của --previous)',
    strict: 'thiếu dữ liệu là lỗi thay vì tính 0 điểm',
    allowMissing: 'thiếu cả một nguồn dữ liệu (không có kết quả điều tra xã hội học; một tiêu chí không đơn vị nào có dòng) thì tính 0 điểm thay vì báo lỗi',
    sipasQuestions: (v: HelpValues) => `bộ câu hỏi SIPAS hoặc tên bộ có sẵn (${v.surveys}), tính vào --sipas-criterion`,
    sipasResponses: 'phiếu khảo sát SIPAS; chỉ số SIPAS của mỗi đơn vị thành điểm của --sipas-criterion',
    sipasCriterion: 'tiêu chí điều tra xã hội học nhận chỉ số SIPAS (ví dụ 8.1)',
    sipasNull: 'đơn vị không có chỉ số SIPAS: missing (tính 0 điểm) hoặc na (không áp dụng)',
    sipasSkipBadRows: 'bỏ các phiếu SIPAS có giá trị sai thay vì dừng lại',
    format: 'định dạng đầu ra',
    out: 'ghi vào tệp này (trọn vẹn hoặc không ghi gì) thay vì ra màn hình',
    decimals: 'số chữ số thập phân khi in (mặc định 2)',
    rounding: 'cách làm tròn khi in',
    numberStyle: 'cách viết số trong bảng, CSV và HTML (ô số của Excel theo cài đặt vùng của Excel): en (89.83, mặc định) hoặc vi (89,83)',
    csvStyle: 'kiểu CSV: en (mặc định: dấu phẩy giữa các ô, dấu chấm thập phân) hoặc vi (dấu chấm phẩy giữa các ô, dấu phẩy thập phân, như Excel tiếng Việt; đọc lại được với --decimal-comma)',
    bom: 'thêm dấu BOM UTF-8 ở đầu tệp CSV (để Excel đọc đúng tiếng Việt)',
    title: 'tiêu đề của báo cáo HTML và tệp Excel kết quả, ví dụ "Chỉ số CCHC năm 2021"',
    previous: 'tệp kết quả năm trước (.json, .csv, .xlsx do parindex score ghi): thêm chỉ số, xếp hạng năm trước và mức tăng/giảm (đơn vị khớp theo mã)',
    ties: 'cách xếp hạng khi bằng điểm',
    rankOn: 'xếp hạng theo giá trị chính xác (exact) hay giá trị đã làm tròn (rounded)',
    bands: 'các mức xếp loại, ví dụ "A>=90; B>=80; C>=70"',
    clamp: 'giới hạn chỉ số và chỉ số tự chấm trong [0, 100] sau điểm cộng, điểm trừ',
    questions: (v: HelpValues) => `bộ câu hỏi khảo sát (.csv, .json, .xlsx) hoặc bộ có sẵn (${v.surveys})`,
    responses: 'phiếu khảo sát, mỗi phiếu một dòng (.csv đọc dần, .xlsx, .json)',
    skipBadRows: 'bỏ phiếu có giá trị sai (vẫn được đếm: số phiếu, không hợp lệ, bỏ qua) thay vì dừng lại',
    'sipas.units': 'tệp đơn vị: chỉ nhận các đơn vị có trong tệp, khối lấy từ cột rankGroup',
    printDefinition: (v: HelpValues) => `ghi một bộ câu hỏi có sẵn (${v.surveys}) ra CSV để chỉnh sửa`,
    reader: 'bộ đọc CSV',
    unit: 'đơn vị cần giải thích (mã đơn vị trong tệp đơn vị)',
    top: 'số tiêu chí thành phần mất điểm nhiều nhất được liệt kê (mặc định 10; 0 = tất cả)',
    runs: (v: HelpValues) => `số lần chạy thử (mặc định ${v.runs})`,
    seed: (v: HelpValues) => `hạt giống của bộ sinh số ngẫu nhiên (mặc định ${v.seed})`,
    spread: (v: HelpValues) => `mỗi trọng số nhân với một hệ số ngẫu nhiên đều trong [1 − w, 1 + w] (mặc định ${v.spread})`,
    mode: 'thay đổi trọng số tiêu chí (weights) hay kết quả thẩm định của hội đồng (appraisal: ô đã thẩm định trở về điểm tự chấm)',
    revert: (v: HelpValues) => `chế độ appraisal: xác suất một ô đã thẩm định trở về điểm tự chấm (mặc định ${v.revert})`,
    'compare.top': 'số đơn vị tăng, giảm nhiều nhất được liệt kê cho mỗi khối (mặc định 5; 0 = tất cả)',
    limit: 'giới hạn tài nguyên, key=value (lặp lại được): file-bytes, columns, rows, cells, shared-strings, xlsx-bytes (mặc định trong README)',
    'compare.decimalComma': 'số trong tệp CSV dùng dấu phẩy thập phân (89,83), như --csv-style vi ghi; khi đó dấu chấm là lỗi',
    'template.units': 'tệp danh sách đơn vị (.csv, .json, .xlsx) hoặc tên bộ có sẵn (hanoi-2021)',
    kind: 'evidence: bảng điểm tự chấm và thẩm định, mỗi khối một trang tính; survey: kết quả điều tra xã hội học (đơn vị, tiêu chí, điểm)',
    'template.out': 'tệp Excel cần ghi (.xlsx)',
    password: 'đặt mật khẩu bảo vệ các trang tính (mặc định: bảo vệ, không mật khẩu)',
    version: 'in số phiên bản',
    help: 'in hướng dẫn của lệnh',
  } as Record<string, Text>,
  helpCommand: 'in hướng dẫn của một lệnh',
  headings: { 'Usage:': 'Cách dùng:', 'Arguments:': 'Tham số:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Global Options:': 'Tùy chọn chung:' } as Record<string, string>,
  placeholders: { options: '[tùy chọn]', command: '[lệnh]', commandName: 'lệnh' },
  extra: { choices: 'chọn một trong', default: 'mặc định', preset: 'khi không có giá trị', env: 'biến môi trường' },
};

export const cliHelp = pair<typeof vi>({
  vi,
  en: {
    program: 'Exact scoring and ranking of PAR INDEX and SIPAS rounds',
    commands: {
      score: 'score and rank a PAR INDEX round',
      demo: 'score the embedded Hà Nội 2021-shaped sample: both leagues ranked',
      sipas: 'SIPAS satisfaction indices from raw survey forms, ranked per league',
      check: 'check inputs and list every problem; nothing is scored',
      explain: 'explain one unit: gap to the unit above and below and to each band, and where it lost points',
      sensitivity: 'rank stability when every criterion weight is perturbed (seeded, reproducible)',
      compare: 'compare two result files (json, csv or xlsx from parindex score): index, rank and area points changes, and the largest movers',
      template: 'write a workbook for councils to fill in: the evidence (a sheet per league) or, with --kind survey, the survey results; locked structure, validated input cells',
    },
    arguments: {
      'compare.old': 'the earlier result file',
      'compare.new': 'the later result file',
    },
    options: {
      lang: 'language: vi (Vietnamese) or en (English); without it, from PARINDEX_LANG, LC_ALL, LC_MESSAGES, LANG',
      framework: 'criteria framework (.csv, .json, .xlsx) or a built-in name (hanoi-2021)',
      units: 'units file (.csv, .json, .xlsx)',
      evidence: 'evidence file(s), long or wide layout',
      survey: 'survey results file (unit, criterion, score)',
      decimalComma: 'text numbers use "," as the decimal point (12,5); a "." in them is an error (the --previous CSV too)',
      strict: 'a missing input is an error instead of 0',
      allowMissing: 'a whole input absent (no survey results; a criterion with no row for any unit) scores 0 instead of being an error',
      sipasQuestions: (v: HelpValues) => `SIPAS survey definition or built-in (${v.surveys}) scored into --sipas-criterion`,
      sipasResponses: "SIPAS survey forms; each unit's SIPAS index becomes the score of --sipas-criterion",
      sipasCriterion: 'the survey criterion fed by SIPAS (e.g. 8.1)',
      sipasNull: 'a unit without a SIPAS index: missing (scored 0) or na (not applicable)',
      sipasSkipBadRows: 'drop SIPAS forms holding a bad value instead of stopping',
      format: 'output format',
      out: 'write to this file (atomically) instead of stdout',
      decimals: 'decimals at output (default 2)',
      rounding: 'rounding at output',
      numberStyle: "numbers in tables, CSV and HTML (a workbook's number cells follow Excel's locale): en (89.83, the default) or vi (89,83)",
      csvStyle: 'CSV dialect: en (the default: "," between cells, decimal point) or vi (";" between cells, decimal comma, as Vietnamese Excel expects; reads back with --decimal-comma)',
      bom: 'start CSV output with a UTF-8 BOM (for Excel)',
      title: 'title of the HTML report and the results workbook, e.g. "Chỉ số CCHC năm 2021"',
      previous: "last year's result file (.json, .csv, .xlsx from parindex score): adds last year's index and rank and the changes (units matched by id)",
      ties: 'tie handling',
      rankOn: 'rank on exact or printed (rounded) values',
      bands: 'bands, e.g. "A>=90; B>=80; C>=70"',
      clamp: 'clamp index and selfIndex to [0, 100] after adjustments',
      questions: (v: HelpValues) => `survey definition (.csv, .json, .xlsx) or a built-in (${v.surveys})`,
      responses: 'survey forms, one row per form (.csv streamed, .xlsx, .json)',
      skipBadRows: 'drop a form holding a bad value (counted in forms, invalid, skipped) instead of stopping',
      'sipas.units': 'units file: only its units are accepted, leagues come from its rankGroup',
      printDefinition: (v: HelpValues) => `write a built-in definition (${v.surveys}) as CSV to adapt`,
      reader: 'CSV reader',
      unit: 'the unit to explain (its id in the units file)',
      top: 'lost leaves to list, largest first (default 10; 0 = all)',
      runs: (v: HelpValues) => `perturbed runs (default ${v.runs})`,
      seed: (v: HelpValues) => `seed of the generator (default ${v.seed})`,
      spread: (v: HelpValues) => `each weight × a uniform factor in [1 − w, 1 + w] (default ${v.spread})`,
      mode: 'perturb criterion weights or the council appraisal (appraised cells revert to self values)',
      revert: (v: HelpValues) => `appraisal mode: probability that an appraised cell reverts to its self value (default ${v.revert})`,
      'compare.top': 'largest movers listed per league and direction (default 5; 0 = all)',
      limit: 'a resource limit, key=value (repeatable): file-bytes, columns, rows, cells, shared-strings, xlsx-bytes (defaults in the README)',
      'compare.decimalComma': 'figures in the CSV files use a decimal comma (89,83), as --csv-style vi writes them; a "." in them is then an error',
      'template.units': 'units file (.csv, .json, .xlsx) or a built-in name (hanoi-2021)',
      kind: 'evidence: appraisal scores, a sheet per league; survey: survey results (unit, criterion, score)',
      'template.out': 'the workbook to write (.xlsx)',
      password: 'protect the sheets with a password (default: protected without one)',
      version: 'output the version number',
      help: 'display help for command',
    },
    helpCommand: 'display help for command',
    headings: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Global Options:': 'Global Options:' },
    placeholders: { options: '[options]', command: '[command]', commandName: 'command' },
    extra: { choices: 'choices', default: 'default', preset: 'preset', env: 'env' },
  },
});
