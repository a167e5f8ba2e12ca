"use client";

import { replaceColumn, replaceJoin, replaceSource, reworded } from "@/lib/review/edit-plan";
import type { ComparisonOp } from "@/lib/spec/clauses";
import type { AggregateFn, OutputColumn } from "@/lib/spec/output-column";
import {
  COMPARISONS,
  ColumnSelect,
  Field,
  OP_LABELS,
  TableSelect,
  columnsOf,
  refKey,
  refOf,
  type ClauseProps as Props,
} from "./clause-fields";
import { FilterControls } from "./filter-controls";

const AGGREGATES: Record<AggregateFn, string> = {
  sum: "sum",
  avg: "average",
  min: "smallest",
  max: "largest",
  count: "number of",
  count_distinct: "number of distinct",
};

function ColumnControls({ spec, clause, catalog, onChange }: Props) {
  const index = Number(clause.split(".")[1]);
  const column = spec.columns[index];
  if (!column) return null;
  const id = clause.replace(".", "-");
  const set = (next: OutputColumn) => onChange(replaceColumn(spec, index, next));
  const expr = column.expr;
  return (
    <div className="clause-controls">
      <Field id={`${id}-name`} label="Name">
        <input
          id={`${id}-name`}
          value={column.name}
          onChange={(event) => set({ ...column, name: event.target.value })}
          autoComplete="off"
        />
      </Field>
      {expr.kind === "column" && (
        <ColumnSelect
          id={`${id}-column`}
          label="Column"
          value={refKey(expr.column)}
          spec={spec}
          catalog={catalog}
          onPick={(ref) => set({ ...column, expr: { ...expr, column: ref } })}
        />
      )}
      {expr.kind === "aggregate" && (
        <>
          <Field id={`${id}-fn`} label="Aggregate">
            <select
              id={`${id}-fn`}
              value={expr.fn}
              onChange={(event) =>
                set({
                  ...column,
                  expr: {
                    ...expr,
                    fn: event.target.value as AggregateFn,
                    ...(event.target.value !== "count" && expr.arg.kind === "star"
                      ? { arg: { kind: "column", column: refOf(columnsOf(spec, catalog)[0]?.key ?? ".") } }
                      : {}),
                  },
                })
              }
            >
              {Object.entries(AGGREGATES).map(([fn, label]) => (
                <option key={fn} value={fn}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          {expr.arg.kind !== "expression" && (
            <Field id={`${id}-arg`} label="Of">
              <select
                id={`${id}-arg`}
                value={expr.arg.kind === "star" ? "*" : refKey(expr.arg.column)}
                onChange={(event) =>
                  set({
                    ...column,
                    expr: {
                      ...expr,
                      arg:
                        event.target.value === "*"
                          ? { kind: "star" }
                          : { kind: "column", column: refOf(event.target.value) },
                    },
                  })
                }
              >
                {expr.fn === "count" && <option value="*">every row</option>}
                {columnsOf(spec, catalog).map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.key}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </>
      )}
      {expr.kind === "expression" && (
        <p className="muted">
          Computed as <code>{expr.sql}</code>; change its name here, or remove it.
        </p>
      )}
    </div>
  );
}

function JoinControls({ spec, clause, catalog, onChange }: Props) {
  const index = Number(clause.split(".")[1]);
  const join = spec.joins[index];
  const source = spec.sources[index + 1];
  if (!join || !source) return null;
  const id = clause.replace(".", "-");
  return (
    <div className="clause-controls">
      <TableSelect
        id={`${id}-table`}
        value={source}
        catalog={catalog}
        onPick={(table) => onChange(replaceJoin(spec, index, join, { ...source, ...table }))}
      />
      <Field id={`${id}-type`} label="Rows without a match">
        <select
          id={`${id}-type`}
          value={join.type}
          onChange={(event) =>
            onChange(replaceJoin(spec, index, { ...join, type: event.target.value as "inner" | "left" }, source))
          }
        >
          <option value="inner">drop them (inner join)</option>
          <option value="left">keep them (left join)</option>
        </select>
      </Field>
    </div>
  );
}

function OtherControls({ spec, clause, catalog, onChange }: Props) {
  const [kind, at] = clause.split(".");
  const index = Number(at);
  const id = clause.replace(".", "-");
  if (kind === "sources")
    return (
      <div className="clause-controls">
        <TableSelect
          id={`${id}-table`}
          value={spec.sources[0]}
          catalog={catalog}
          onPick={(table) => onChange(replaceSource(spec, 0, { ...spec.sources[0], ...table }))}
        />
      </div>
    );
  if (kind === "limit" && spec.limit) {
    const limit = spec.limit;
    return (
      <div className="clause-controls">
        <Field id={`${id}-count`} label="Rows">
          <input
            id={`${id}-count`}
            type="number"
            min={1}
            value={limit.count}
            onChange={(event) =>
              onChange({ ...spec, limit: reworded(limit, { ...limit, count: Number(event.target.value) }) })
            }
          />
        </Field>
      </div>
    );
  }
  if (kind === "orderBy" && spec.orderBy[index]) {
    const order = spec.orderBy[index];
    const set = (next: typeof order) =>
      onChange({ ...spec, orderBy: spec.orderBy.map((o, i) => (i === index ? reworded(o, next) : o)) });
    return (
      <div className="clause-controls">
        <Field id={`${id}-output`} label="Sort by">
          <select
            id={`${id}-output`}
            value={order.output}
            onChange={(event) => set({ ...order, output: event.target.value })}
          >
            {spec.columns.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-direction`} label="Direction">
          <select
            id={`${id}-direction`}
            value={order.direction}
            onChange={(event) => set({ ...order, direction: event.target.value as "asc" | "desc" })}
          >
            <option value="desc">highest first</option>
            <option value="asc">lowest first</option>
          </select>
        </Field>
      </div>
    );
  }
  if (kind === "having" && spec.having[index]) {
    const having = spec.having[index];
    const set = (next: typeof having) =>
      onChange({ ...spec, having: spec.having.map((h, i) => (i === index ? reworded(h, next) : h)) });
    return (
      <div className="clause-controls">
        <Field id={`${id}-op`} label={`Keep groups where ${having.output}`}>
          <select
            id={`${id}-op`}
            value={having.op}
            onChange={(event) => set({ ...having, op: event.target.value as ComparisonOp })}
          >
            {COMPARISONS.map((op) => (
              <option key={op} value={op}>
                {OP_LABELS[op]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-value`} label="Value">
          <input
            id={`${id}-value`}
            type="number"
            value={having.value}
            onChange={(event) => set({ ...having, value: Number(event.target.value) })}
          />
        </Field>
      </div>
    );
  }
  return null;
}

/** Which clauses have controls of their own; grouping follows the columns, and the target is chosen when the run starts. */
export const isEditableClause = (clause: string) =>
  /^(sources\.0|joins\.\d+|columns\.\d+|filters\.\d+|having\.\d+|orderBy\.\d+|limit)$/.test(clause);

/** Catalog-aware controls for one clause of the plan; every change goes straight into the edited plan. */
export function ClauseControls(props: Props) {
  const kind = props.clause.split(".")[0];
  if (kind === "filters") return <FilterControls {...props} />;
  if (kind === "columns") return <ColumnControls {...props} />;
  if (kind === "joins") return <JoinControls {...props} />;
  return <OtherControls {...props} />;
}
