import type { OutputExpr } from "@/lib/spec/output-column";

/** A share or a ratio in words, by the output names it divides: "share of total_amount in its total, in %". */
export function describeDerived(expr: Extract<OutputExpr, { kind: "share" | "ratio" }>): string {
  const unit = expr.percent ? ", in %" : "";
  return expr.kind === "share"
    ? `share of ${expr.of} in its total over all rows${unit}`
    : `${expr.numerator} / ${expr.denominator}${unit}`;
}

/** The rows a conditional aggregate reads, in words ("only where status = shipped"), or "". */
export function describeAggregateWhere(expr: OutputExpr): string {
  if (expr.kind !== "aggregate" || !expr.where) return "";
  const conditions = expr.where.map(
    (w) =>
      `${w.column.source}.${w.column.column} ${w.op}${"value" in w ? ` ${JSON.stringify(w.value)}` : "values" in w ? ` (${w.values.join(", ")})` : ""}`,
  );
  return ` only where ${conditions.join(" and ")}`;
}
