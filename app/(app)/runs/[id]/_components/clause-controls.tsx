"use client";

import type { Catalog } from "@/lib/catalog/types";
import { replaceColumn, replaceFilter, replaceJoin, replaceSource, reworded } from "@/lib/review/edit-plan";
import { isExistsFilter, type ColumnFilter, type ColumnRef, type ComparisonOp } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import type { AggregateFn, OutputColumn } from "@/lib/spec/output-column";

type Props = { spec: EtlSpec; clause: string; catalog: Catalog; knownValues: Record<string, string[]>; onChange: (spec: EtlSpec) => void };

const COMPARISONS: ComparisonOp[] = ["=", "!=", "<", "<=", ">", ">="];
const OP_LABELS: Record<string, string> = { "=": "is", "!=": "is not", "<": "is less than", "<=": "is at most", ">": "is more than", ">=": "is at least", in: "is one of", not_in: "is none of", is_null: "is empty", is_not_null: "is not empty", between: "is between", date_range: "is in the dates" };
const AGGREGATES: Record<AggregateFn, string> = { sum: "sum", avg: "average", min: "smallest", max: "largest", count: "number of", count_distinct: "number of distinct" };

const refKey = (ref: ColumnRef) => `${ref.source}.${ref.column}`;
const refOf = (key: string): ColumnRef => ({ source: key.slice(0, key.indexOf(".")), column: key.slice(key.indexOf(".") + 1) });

/** Every column of the plan's sources, by alias: what a clause may read. */
function columnsOf(spec: EtlSpec, catalog: Catalog) {
  return spec.sources.flatMap((source) => {
    const table = catalog.tables.find((t) => t.schema === source.schema && t.name === source.table);
    return (table?.columns ?? []).map((c) => ({ key: `${source.alias}.${c.name}`, table: table!.name, name: c.name, dataType: c.dataType }));
  });
}

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="clause-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Picks a column of the plan's sources. */
function ColumnSelect({ id, label, value, spec, catalog, onPick }: { id: string; label: string; value: string; spec: EtlSpec; catalog: Catalog; onPick: (ref: ColumnRef) => void }) {
  const columns = columnsOf(spec, catalog);
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(event) => onPick(refOf(event.target.value))}>
        {!columns.some((c) => c.key === value) && <option value={value}>{value} (not in the catalog)</option>}
        {columns.map((c) => <option key={c.key} value={c.key}>{c.key}</option>)}
      </select>
    </Field>
  );
}

function TableSelect({ id, value, catalog, onPick }: { id: string; value: { schema: string; table: string }; catalog: Catalog; onPick: (table: { schema: string; table: string }) => void }) {
  const current = `${value.schema}.${value.table}`;
  return (
    <Field id={id} label="Table">
      <select id={id} value={current} onChange={(event) => onPick({ schema: event.target.value.split(".")[0], table: event.target.value.split(".").slice(1).join(".") })}>
        {!catalog.tables.some((t) => `${t.schema}.${t.name}` === current) && <option value={current}>{current} (not in the catalog)</option>}
        {catalog.tables.map((t) => <option key={`${t.schema}.${t.name}`} value={`${t.schema}.${t.name}`}>{t.schema}.{t.name}</option>)}
      </select>
    </Field>
  );
}

/** A filter value, with the column's known values to pick from when it has few. */
function ValueInput({ id, label, value, known, onValue }: { id: string; label: string; value: string; known: string[]; onValue: (value: string) => void }) {
  return (
    <Field id={id} label={label}>
      <input id={id} value={value} list={known.length ? `${id}-known` : undefined} onChange={(event) => onValue(event.target.value)} autoComplete="off" />
      {known.length > 0 && (
        <datalist id={`${id}-known`}>
          {known.map((v) => <option key={v} value={v} />)}
        </datalist>
      )}
    </Field>
  );
}

function FilterControls({ spec, clause, catalog, knownValues, onChange }: Props) {
  const index = Number(clause.split(".")[1]);
  const filter = spec.filters[index];
  if (!filter || isExistsFilter(filter)) return <p className="muted">This condition on related rows can be removed, not changed here.</p>;
  const id = clause.replace(".", "-");
  const column = columnsOf(spec, catalog).find((c) => c.key === refKey(filter.column));
  const known = column ? (knownValues[`${column.table}.${column.name}`] ?? []) : [];
  const set = (next: ColumnFilter) => onChange(replaceFilter(spec, index, next));
  const first = "value" in filter ? String(filter.value) : "values" in filter ? String(filter.values[0] ?? "") : "low" in filter ? String(filter.low) : "";
  const changeOp = (op: string) => {
    const base = { column: filter.column, phrase: filter.phrase };
    if (op === "in" || op === "not_in") set({ ...base, op, values: "values" in filter ? filter.values : [first] });
    else if (op === "is_null" || op === "is_not_null") set({ ...base, op });
    else if (op === filter.op) return;
    else set({ ...base, op: op as ComparisonOp, value: first });
  };
  const ops = [...COMPARISONS, "in", "not_in", "is_null", "is_not_null", ...(COMPARISONS.includes(filter.op as ComparisonOp) || ["in", "not_in", "is_null", "is_not_null"].includes(filter.op) ? [] : [filter.op])];
  return (
    <div className="clause-controls">
      <ColumnSelect id={`${id}-column`} label="Column" value={refKey(filter.column)} spec={spec} catalog={catalog} onPick={(ref) => set({ ...filter, column: ref })} />
      <Field id={`${id}-op`} label="Condition">
        <select id={`${id}-op`} value={filter.op} onChange={(event) => changeOp(event.target.value)}>
          {ops.map((op) => <option key={op} value={op}>{OP_LABELS[op]}</option>)}
        </select>
      </Field>
      {"value" in filter && <ValueInput id={`${id}-value`} label="Value" value={String(filter.value)} known={known} onValue={(value) => set({ ...filter, value })} />}
      {"values" in filter && (
        <ValueInput id={`${id}-values`} label="Values, separated by commas" value={filter.values.join(", ")} known={known} onValue={(text) => set({ ...filter, values: text.split(",").map((v) => v.trim()).filter(Boolean) })} />
      )}
      {filter.op === "between" && (
        <>
          <ValueInput id={`${id}-low`} label="From" value={String(filter.low)} known={known} onValue={(low) => set({ ...filter, low })} />
          <ValueInput id={`${id}-high`} label="To" value={String(filter.high)} known={known} onValue={(high) => set({ ...filter, high })} />
        </>
      )}
      {filter.op === "date_range" && (
        <>
          <ValueInput id={`${id}-from`} label="On or after (YYYY-MM-DD)" value={filter.from ?? ""} known={[]} onValue={(from) => set({ ...filter, from: from || undefined })} />
          <ValueInput id={`${id}-to`} label="Before (YYYY-MM-DD)" value={filter.to ?? ""} known={[]} onValue={(to) => set({ ...filter, to: to || undefined })} />
        </>
      )}
    </div>
  );
}

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
        <input id={`${id}-name`} value={column.name} onChange={(event) => set({ ...column, name: event.target.value })} autoComplete="off" />
      </Field>
      {expr.kind === "column" && <ColumnSelect id={`${id}-column`} label="Column" value={refKey(expr.column)} spec={spec} catalog={catalog} onPick={(ref) => set({ ...column, expr: { ...expr, column: ref } })} />}
      {expr.kind === "aggregate" && (
        <>
          <Field id={`${id}-fn`} label="Aggregate">
            <select id={`${id}-fn`} value={expr.fn} onChange={(event) => set({ ...column, expr: { ...expr, fn: event.target.value as AggregateFn, ...(event.target.value !== "count" && expr.arg.kind === "star" ? { arg: { kind: "column", column: refOf(columnsOf(spec, catalog)[0]?.key ?? ".") } } : {}) } })}>
              {Object.entries(AGGREGATES).map(([fn, label]) => <option key={fn} value={fn}>{label}</option>)}
            </select>
          </Field>
          {expr.arg.kind !== "expression" && (
            <Field id={`${id}-arg`} label="Of">
              <select id={`${id}-arg`} value={expr.arg.kind === "star" ? "*" : refKey(expr.arg.column)} onChange={(event) => set({ ...column, expr: { ...expr, arg: event.target.value === "*" ? { kind: "star" } : { kind: "column", column: refOf(event.target.value) } } })}>
                {expr.fn === "count" && <option value="*">every row</option>}
                {columnsOf(spec, catalog).map((c) => <option key={c.key} value={c.key}>{c.key}</option>)}
              </select>
            </Field>
          )}
        </>
      )}
      {expr.kind === "expression" && <p className="muted">Computed as <code>{expr.sql}</code>; change its name here, or remove it.</p>}
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
      <TableSelect id={`${id}-table`} value={source} catalog={catalog} onPick={(table) => onChange(replaceJoin(spec, index, join, { ...source, ...table }))} />
      <Field id={`${id}-type`} label="Rows without a match">
        <select id={`${id}-type`} value={join.type} onChange={(event) => onChange(replaceJoin(spec, index, { ...join, type: event.target.value as "inner" | "left" }, source))}>
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
  if (kind === "sources") return <div className="clause-controls"><TableSelect id={`${id}-table`} value={spec.sources[0]} catalog={catalog} onPick={(table) => onChange(replaceSource(spec, 0, { ...spec.sources[0], ...table }))} /></div>;
  if (kind === "limit" && spec.limit) {
    const limit = spec.limit;
    return (
      <div className="clause-controls">
        <Field id={`${id}-count`} label="Rows">
          <input id={`${id}-count`} type="number" min={1} value={limit.count} onChange={(event) => onChange({ ...spec, limit: reworded(limit, { ...limit, count: Number(event.target.value) }) })} />
        </Field>
      </div>
    );
  }
  if (kind === "orderBy" && spec.orderBy[index]) {
    const order = spec.orderBy[index];
    const set = (next: typeof order) => onChange({ ...spec, orderBy: spec.orderBy.map((o, i) => (i === index ? reworded(o, next) : o)) });
    return (
      <div className="clause-controls">
        <Field id={`${id}-output`} label="Sort by">
          <select id={`${id}-output`} value={order.output} onChange={(event) => set({ ...order, output: event.target.value })}>
            {spec.columns.map((c) => <option key={c.name} value={c.name}>{c.name}</option>)}
          </select>
        </Field>
        <Field id={`${id}-direction`} label="Direction">
          <select id={`${id}-direction`} value={order.direction} onChange={(event) => set({ ...order, direction: event.target.value as "asc" | "desc" })}>
            <option value="desc">highest first</option>
            <option value="asc">lowest first</option>
          </select>
        </Field>
      </div>
    );
  }
  if (kind === "having" && spec.having[index]) {
    const having = spec.having[index];
    const set = (next: typeof having) => onChange({ ...spec, having: spec.having.map((h, i) => (i === index ? reworded(h, next) : h)) });
    return (
      <div className="clause-controls">
        <Field id={`${id}-op`} label={`Keep groups where ${having.output}`}>
          <select id={`${id}-op`} value={having.op} onChange={(event) => set({ ...having, op: event.target.value as ComparisonOp })}>
            {COMPARISONS.map((op) => <option key={op} value={op}>{OP_LABELS[op]}</option>)}
          </select>
        </Field>
        <Field id={`${id}-value`} label="Value">
          <input id={`${id}-value`} type="number" value={having.value} onChange={(event) => set({ ...having, value: Number(event.target.value) })} />
        </Field>
      </div>
    );
  }
  return null;
}

/** Which clauses have controls of their own; grouping follows the columns, and the target is chosen when the run starts. */
export const isEditableClause = (clause: string) => /^(sources\.0|joins\.\d+|columns\.\d+|filters\.\d+|having\.\d+|orderBy\.\d+|limit)$/.test(clause);

/** Catalog-aware controls for one clause of the plan; every change goes straight into the edited plan. */
export function ClauseControls(props: Props) {
  const kind = props.clause.split(".")[0];
  if (kind === "filters") return <FilterControls {...props} />;
  if (kind === "columns") return <ColumnControls {...props} />;
  if (kind === "joins") return <JoinControls {...props} />;
  return <OtherControls {...props} />;
}
