// Words every area uses. Keys start with `common.`.
export const enCommon = {
  'common.list-separator': ', ',
};
