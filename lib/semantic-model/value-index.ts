/** The distinct values read from one column; null when it has more than the reader's limit. */
export type ObservedColumn = {
  schema: string;
  table: string;
  column: string;
  values: string[] | null;
  sampled?: boolean;
};

/**
 * Values read from the warehouse for the model (see read-value-index.ts): the value index of
 * low-cardinality text columns, and the few values of number columns that may be 0/1 flags.
 * `complete` is false when the time box ran out before every column was read.
 */
export type ValueIndex = { columns: ObservedColumn[]; complete: boolean };

/** Looks up a column's observations by schema, table and column. */
export function valueLookup(
  index: ValueIndex | undefined,
): (schema: string, table: string, column: string) => ObservedColumn | undefined {
  const byKey = new Map((index?.columns ?? []).map((c) => [JSON.stringify([c.schema, c.table, c.column]), c]));
  return (schema, table, column) => byKey.get(JSON.stringify([schema, table, column]));
}
