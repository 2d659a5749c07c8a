// The shape a Chinese catalog file must have: every key of its English twin, except that plurals
// have only the `_other` form (Chinese has one plural form).
export type ZhOf<En> = { [K in Exclude<keyof En, `${string}_one`>]: string };
