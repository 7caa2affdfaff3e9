/** A GraphQL enum whose names are the domain's own values. */
export const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<string, T>;
