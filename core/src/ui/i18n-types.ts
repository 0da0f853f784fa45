// The English side of a namespace mirrors the zh-CN side key for key, and may add i18next's singular form
// (`key_one`) where English needs one: Chinese has no plural, English says "1 page", not "1 pages".
export type WithPlurals<T> = { [K in keyof T]: T[K] extends string ? string : WithPlurals<T[K]> } & {
  [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
};
