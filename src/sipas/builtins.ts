/**
 * The built-in survey definitions (docs/spec.md §5), shipped as code so they work wherever the package is
 * installed:
 *
 * - `sipas-2017` (QĐ 2640/QĐ-BNV, 2017–2020): 5 factors, 22 questions in columns `q1_1`…`q5_4`;
 *   SIPAS = mean of the factors; factor 5 (feedback) optional. Identical to the sample's
 *   `data/hanoi-2021/sipas-questions.csv`. Public: the five factors and 22 questions in all; our
 *   reading: the 5/4/5/4/4 split per factor, the question wording, the mean of factors.
 * - `sipas-2023` (QĐ 1001/QĐ-BNV, 2023–2026): a policy part (A q1–q2, B q3–q4, C q5–q12,
 *   D q13–q14) and a service part (tiếp cận q15–q18, TTHC q19–q22, công chức q23–q27, kết quả
 *   q28–q30, phản ánh kiến nghị q31–q33, optional); SIPAS = mean of the two parts. Public: the two
 *   parts and their sub-indices; our reading: the question numbering per sub-index, the mean of
 *   parts (it reproduces Hà Nội 2024: 86.51 and 86.49 → 86.50). Question titles are placeholders
 *   (`Câu n`): councils put their own form's wording in a copy (`--print-definition`).
 */
import { parseCsvTable } from '../table/csv.js';
import { buildSurveyDefinition, type SipasDefinition } from './definition.js';

/** Names of the built-in survey definitions. */
export const SURVEY_BUILTINS = ['sipas-2017', 'sipas-2023'] as const;
/** A built-in survey definition name. */
export type SurveyBuiltinName = (typeof SURVEY_BUILTINS)[number];

const SIPAS_2017 = `code,title,column,weight,optional,aggregate
1,Tiếp cận dịch vụ hành chính công,,,,
1.1,Nơi ngồi chờ có đủ chỗ ngồi,q1_1,,,
1.2,Trang thiết bị phục vụ đầy đủ,q1_2,,,
1.3,Trang thiết bị hiện đại,q1_3,,,
1.4,Trang thiết bị dễ sử dụng,q1_4,,,
1.5,"Biển hiệu, chỉ dẫn rõ ràng, dễ tìm",q1_5,,,
2,Thủ tục hành chính,,,,
2.1,Thủ tục hành chính được niêm yết công khai đầy đủ,q2_1,,,
2.2,Thủ tục hành chính được niêm yết công khai chính xác,q2_2,,,
2.3,Thành phần hồ sơ phải nộp đúng quy định,q2_3,,,
2.4,"Phí, lệ phí và thời hạn giải quyết đúng quy định",q2_4,,,
3,Công chức trực tiếp giải quyết công việc,,,,
3.1,Có thái độ giao tiếp lịch sự,q3_1,,,
3.2,"Chú ý lắng nghe ý kiến của người dân, tổ chức",q3_2,,,
3.3,"Trả lời, giải thích đầy đủ các ý kiến",q3_3,,,
3.4,"Hướng dẫn kê khai hồ sơ tận tình, chu đáo",q3_4,,,
3.5,"Hướng dẫn dễ hiểu, tuân thủ đúng quy định",q3_5,,,
4,Kết quả cung ứng dịch vụ hành chính công,,,,
4.1,Kết quả đúng quy định,q4_1,,,
4.2,Kết quả có thông tin đầy đủ,q4_2,,,
4.3,Kết quả có thông tin chính xác,q4_3,,,
4.4,Nhận kết quả đúng hẹn,q4_4,,,
5,"Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",,,,
5.1,"Có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị",q5_1,,true,
5.2,"Dễ dàng thực hiện góp ý, phản ánh, kiến nghị",q5_2,,true,
5.3,"Tiếp nhận và xử lý tích cực các góp ý, phản ánh, kiến nghị",q5_3,,true,
5.4,Thông báo kịp thời kết quả xử lý,q5_4,,true,
`;

const SIPAS_2023 = `code,title,column,weight,optional,aggregate
1,Phần chính sách: sự hài lòng đối với việc xây dựng và tổ chức thực hiện chính sách,,,,
1.1,A. Trách nhiệm giải trình,,,,
1.1.1,Câu 1,q1,,,
1.1.2,Câu 2,q2,,,
1.2,B. Sự tham gia của người dân,,,,
1.2.1,Câu 3,q3,,,
1.2.2,Câu 4,q4,,,
1.3,C. Chất lượng chính sách,,,,
1.3.1,Câu 5,q5,,,
1.3.2,Câu 6,q6,,,
1.3.3,Câu 7,q7,,,
1.3.4,Câu 8,q8,,,
1.3.5,Câu 9,q9,,,
1.3.6,Câu 10,q10,,,
1.3.7,Câu 11,q11,,,
1.3.8,Câu 12,q12,,,
1.4,D. Kết quả tác động của chính sách,,,,
1.4.1,Câu 13,q13,,,
1.4.2,Câu 14,q14,,,
2,Phần dịch vụ hành chính công: sự hài lòng đối với việc cung ứng dịch vụ,,,,
2.1,Tiếp cận dịch vụ,,,,
2.1.1,Câu 15,q15,,,
2.1.2,Câu 16,q16,,,
2.1.3,Câu 17,q17,,,
2.1.4,Câu 18,q18,,,
2.2,Thủ tục hành chính,,,,
2.2.1,Câu 19,q19,,,
2.2.2,Câu 20,q20,,,
2.2.3,Câu 21,q21,,,
2.2.4,Câu 22,q22,,,
2.3,Công chức trực tiếp giải quyết công việc,,,,
2.3.1,Câu 23,q23,,,
2.3.2,Câu 24,q24,,,
2.3.3,Câu 25,q25,,,
2.3.4,Câu 26,q26,,,
2.3.5,Câu 27,q27,,,
2.4,Kết quả giải quyết công việc,,,,
2.4.1,Câu 28,q28,,,
2.4.2,Câu 29,q29,,,
2.4.3,Câu 30,q30,,,
2.5,"Tiếp nhận, xử lý phản ánh, kiến nghị",,,,
2.5.1,Câu 31,q31,,true,
2.5.2,Câu 32,q32,,true,
2.5.3,Câu 33,q33,,true,
`;

const TEXTS: Record<SurveyBuiltinName, string> = { 'sipas-2017': SIPAS_2017, 'sipas-2023': SIPAS_2023 };

/** True when `name` is a built-in survey definition. */
export function isSurveyBuiltin(name: string): name is SurveyBuiltinName {
  return (SURVEY_BUILTINS as readonly string[]).includes(name);
}

/** The CSV text of a built-in definition (UTF-8, LF line ends), as `--print-definition` writes it. */
export function surveyBuiltinCsv(name: SurveyBuiltinName): string {
  return TEXTS[name];
}

/** A built-in survey definition, parsed and checked. */
export function surveyBuiltin(name: SurveyBuiltinName): SipasDefinition {
  return buildSurveyDefinition(parseCsvTable(TEXTS[name], { file: name }), { name });
}
