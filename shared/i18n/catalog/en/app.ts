// Keys start with `app.`.
export const enApp = {};
