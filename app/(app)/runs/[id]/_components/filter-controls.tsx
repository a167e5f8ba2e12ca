"use client";

import { replaceFilter } from "@/lib/review/edit-plan";
import {
  isExistsFilter,
  TextMatchOpSchema,
  type ColumnFilter,
  type ComparisonOp,
  type TextMatchOp,
} from "@/lib/spec/clauses";
import {
  COMPARISONS,
  ColumnSelect,
  Field,
  OP_LABELS,
  ValueInput,
  columnsOf,
  refKey,
  type ClauseProps,
} from "./clause-fields";

const TEXT_MATCHES: string[] = TextMatchOpSchema.options;
const isTextMatch = (op: string): op is TextMatchOp => TEXT_MATCHES.includes(op);

/** A filter's column, condition and value (or values, or range), the value offered from the column's known values. */
export function FilterControls({ spec, clause, catalog, knownValues, onChange }: ClauseProps) {
  const index = Number(clause.split(".")[1]);
  const filter = spec.filters[index];
  if (!filter || isExistsFilter(filter))
    return <p className="muted">This condition on related rows can be removed, not changed here.</p>;
  if (filter.op === "expression")
    return <p className="muted">This condition on a computed value can be removed, not changed here.</p>;
  const id = clause.replace(".", "-");
  const column = columnsOf(spec, catalog).find((c) => c.key === refKey(filter.column));
  const known = column ? (knownValues[`${column.table}.${column.name}`] ?? []) : [];
  const set = (next: ColumnFilter) => onChange(replaceFilter(spec, index, next));
  const first =
    "value" in filter
      ? String(filter.value)
      : "values" in filter
        ? String(filter.values[0] ?? "")
        : "low" in filter
          ? String(filter.low)
          : "text" in filter
            ? filter.text
            : "";
  const changeOp = (op: string) => {
    const base = { column: filter.column, phrase: filter.phrase };
    if (op === "in" || op === "not_in") set({ ...base, op, values: "values" in filter ? filter.values : [first] });
    else if (op === "is_null" || op === "is_not_null") set({ ...base, op });
    else if (isTextMatch(op)) set({ ...base, op, text: "text" in filter ? filter.text : first || "a" });
    else if (op === filter.op) return;
    else set({ ...base, op: op as ComparisonOp, value: first });
  };
  const ops = [
    ...COMPARISONS,
    "in",
    "not_in",
    "is_null",
    "is_not_null",
    ...TEXT_MATCHES,
    ...(COMPARISONS.includes(filter.op as ComparisonOp) ||
    ["in", "not_in", "is_null", "is_not_null", ...TEXT_MATCHES].includes(filter.op)
      ? []
      : [filter.op]),
  ];
  return (
    <div className="clause-controls">
      <ColumnSelect
        id={`${id}-column`}
        label="Column"
        value={refKey(filter.column)}
        spec={spec}
        catalog={catalog}
        onPick={(ref) => set({ ...filter, column: ref })}
      />
      <Field id={`${id}-op`} label="Condition">
        <select id={`${id}-op`} value={filter.op} onChange={(event) => changeOp(event.target.value)}>
          {ops.map((op) => (
            <option key={op} value={op}>
              {OP_LABELS[op]}
            </option>
          ))}
        </select>
      </Field>
      {"value" in filter && (
        <ValueInput
          id={`${id}-value`}
          label="Value"
          value={String(filter.value)}
          known={known}
          onValue={(value) => set({ ...filter, value })}
        />
      )}
      {"values" in filter && (
        <ValueInput
          id={`${id}-values`}
          label="Values, separated by commas"
          value={filter.values.join(", ")}
          known={known}
          onValue={(text) =>
            set({
              ...filter,
              values: text
                .split(",")
                .map((v) => v.trim())
                .filter(Boolean),
            })
          }
        />
      )}
      {"text" in filter && (
        <ValueInput
          id={`${id}-text`}
          label="Text"
          value={filter.text}
          known={[]}
          onValue={(text) => set({ ...filter, text })}
        />
      )}
      {filter.op === "between" && (
        <>
          <ValueInput
            id={`${id}-low`}
            label="From"
            value={String(filter.low)}
            known={known}
            onValue={(low) => set({ ...filter, low })}
          />
          <ValueInput
            id={`${id}-high`}
            label="To"
            value={String(filter.high)}
            known={known}
            onValue={(high) => set({ ...filter, high })}
          />
        </>
      )}
      {filter.op === "date_range" && (
        <>
          <ValueInput
            id={`${id}-from`}
            label="On or after (YYYY-MM-DD)"
            value={filter.from ?? ""}
            known={[]}
            onValue={(from) => set({ ...filter, from: from || undefined })}
          />
          <ValueInput
            id={`${id}-to`}
            label="Before (YYYY-MM-DD)"
            value={filter.to ?? ""}
            known={[]}
            onValue={(to) => set({ ...filter, to: to || undefined })}
          />
        </>
      )}
    </div>
  );
}
