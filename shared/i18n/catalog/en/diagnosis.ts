// Keys start with `diagnosis.`.
export const enDiagnosis = {};
