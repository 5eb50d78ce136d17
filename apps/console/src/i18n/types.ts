/** The same shape with any strings: what a translation must provide for a Chinese original. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
