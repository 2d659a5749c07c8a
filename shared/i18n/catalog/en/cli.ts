// Keys start with `cli.`.
export const enCli = {};
