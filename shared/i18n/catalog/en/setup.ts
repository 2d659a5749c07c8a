// Keys start with `setup.`.
export const enSetup = {};
