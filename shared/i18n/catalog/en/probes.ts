// Keys start with `probes.`.
export const enProbes = {};
