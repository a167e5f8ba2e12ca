/** What a data test checks; the kind tells the remediator how to read a failure. */
export type DataTestKind =
  | "grain_unique"
  | "keys_not_null"
  | "reconcile"
  | "row_count"
  | "filter"
  | "join_coverage"
  | "not_empty"
  | "model_check"
  | "derived";

/** A data test derived from one clause of the spec. */
export type DataTest = {
  name: string;
  kind: DataTestKind;
  /** The spec clause it checks, e.g. `grain`, `columns.total_order_amount`, `filters[0]`, `joins[0]`. */
  clause: string;
  /** The words of the prompt behind that clause. */
  phrase: string;
  description: string;
  /** A blocking failure stops the publish; others are warnings. */
  blocking: boolean;
  /** A query returning the rows that break the rule (none when it holds). */
  failingSql: string;
  /** For reconciliation: the output column and aggregate it recomputes. */
  output?: string;
};

export type DataTestResult = Omit<DataTest, "failingSql"> & {
  passed: boolean;
  failingCount: number;
  /** Up to 10 rows that break the rule. */
  failingRows: Record<string, unknown>[];
  ms: number;
  sql: string;
  /** Set when the test query itself failed to run. */
  error?: string;
};
