// Keys start with `fixes.`.
export const enFixes = {};
