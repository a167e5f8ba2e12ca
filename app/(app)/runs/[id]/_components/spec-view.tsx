import type { EtlSpec } from "@/lib/spec/etl-spec";
import { isExistsFilter, type Filter } from "@/lib/spec/clauses";
import { describeAggregateWhere, describeDerived } from "@/lib/spec/describe-derived";
import { describeExistsFilter } from "@/lib/report/describe-spec";
import { describeCondition } from "@/lib/spec/plain-sentences";
import type { OutputColumn } from "@/lib/spec/output-column";
import { rowsKept } from "@/lib/spec/rows-kept";

const ref = (r: { source: string; column: string }) => `${r.source}.${r.column}`;

function describeFilter(f: Filter): string {
  if (f.op === "expression") return `${f.sql} ${f.compare} ${f.value}`;
  return isExistsFilter(f) ? describeExistsFilter(f, describeCondition) : describeCondition(f);
}

function describeColumn({ expr }: OutputColumn): string {
  if (expr.kind === "column") return expr.bucket ? `${ref(expr.column)} by ${expr.bucket}` : ref(expr.column);
  if (expr.kind === "expression") return expr.sql;
  if (expr.kind === "share" || expr.kind === "ratio") return describeDerived(expr);
  const arg = expr.arg.kind === "star" ? "rows" : expr.arg.kind === "column" ? ref(expr.arg.column) : expr.arg.sql;
  return `${expr.fn.replace("_", " ")} of ${arg}${describeAggregateWhere(expr)}${expr.zeroIfEmpty ? " (0 when none)" : ""}`;
}

const Phrase = ({ text }: { text: string }) => (text ? <span className="phrase"> — “{text}”</span> : null);

/** The spec in words: each clause with the part of the request it came from. */
export function SpecView({ spec, notes }: { spec: EtlSpec; notes: string[] }) {
  return (
    <section className="card" data-testid="spec">
      <h2>
        Spec: {spec.target.schema ? `${spec.target.schema}.` : ""}
        {spec.target.table}
      </h2>
      <ul className="spec-list">
        <li>
          <b>From</b>{" "}
          {spec.sources.map((s) => `${s.schema}.${s.table}${s.distinct ? " (distinct rows)" : ""}`).join(", ")}
        </li>
        {spec.joins.map((j, i) => (
          <li key={`j${i}`}>
            <b>{j.type === "left" ? "Left join" : "Join"}</b> {j.left} → {j.right} on{" "}
            {j.on.map((k) => `${k.left} = ${k.right}`).join(", ")}
            <Phrase text={j.phrase} />
          </li>
        ))}
        {spec.filters.map((f, i) => (
          <li key={`f${i}`}>
            <b>Where</b> {describeFilter(f)}
            <Phrase text={f.phrase} />
          </li>
        ))}
        {spec.grain.length > 0 && (
          <li>
            <b>One row per</b>{" "}
            {spec.grain.map((g) => (g.bucket ? `${g.bucket} of ${ref(g.column)}` : ref(g.column))).join(", ")}
            <Phrase
              text={spec.grain
                .map((g) => g.phrase)
                .filter(Boolean)
                .join("; ")}
            />
          </li>
        )}
        {spec.columns.map((c) => (
          <li key={c.name}>
            <b>Column</b> <code>{c.name}</code> = {describeColumn(c)}
            <Phrase text={c.phrase} />
          </li>
        ))}
        {spec.having.map((h, i) => (
          <li key={`h${i}`}>
            <b>Keep groups where</b> {h.output} {h.op} {h.value}
            <Phrase text={h.phrase} />
          </li>
        ))}
        {spec.orderBy.map((o, i) => (
          <li key={`o${i}`}>
            <b>Order by</b> {o.output} {o.direction}
            <Phrase text={o.phrase} />
          </li>
        ))}
        {spec.limit && (
          <li>
            <b>Limit</b> {rowsKept(spec.limit)}
            <Phrase text={spec.limit.phrase} />
          </li>
        )}
      </ul>
      {notes.length > 0 && (
        <div className="alert info" style={{ marginTop: 12 }}>
          {notes.join(" ")}
        </div>
      )}
    </section>
  );
}
