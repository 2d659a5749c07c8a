// Keys start with `verdict.`.
export const enVerdict = {};
