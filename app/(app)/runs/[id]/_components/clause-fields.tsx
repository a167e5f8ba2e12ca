"use client";

import type { ReactNode } from "react";
import type { Catalog } from "@/lib/catalog/types";
import type { ColumnRef, ComparisonOp } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";

// The form parts the plan editor's clause controls share.

/** What every clause's controls get: the plan, which clause, what the warehouse offers, and where a change goes. */
export type ClauseProps = {
  spec: EtlSpec;
  clause: string;
  catalog: Catalog;
  knownValues: Record<string, string[]>;
  onChange: (spec: EtlSpec) => void;
};

export const COMPARISONS: ComparisonOp[] = ["=", "!=", "<", "<=", ">", ">="];
export const OP_LABELS: Record<string, string> = {
  "=": "is",
  "!=": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
  in: "is one of",
  not_in: "is none of",
  is_null: "is empty",
  is_not_null: "is not empty",
  between: "is between",
  date_range: "is in the dates",
  starts_with: "starts with",
  ends_with: "ends with",
  contains: "contains",
};

export const refKey = (ref: ColumnRef) => `${ref.source}.${ref.column}`;
export const refOf = (key: string): ColumnRef => ({
  source: key.slice(0, key.indexOf(".")),
  column: key.slice(key.indexOf(".") + 1),
});

/** Every column of the plan's sources, by alias: what a clause may read. */
export function columnsOf(spec: EtlSpec, catalog: Catalog) {
  return spec.sources.flatMap((source) => {
    const table = catalog.tables.find((t) => t.schema === source.schema && t.name === source.table);
    return (table?.columns ?? []).map((c) => ({
      key: `${source.alias}.${c.name}`,
      table: table!.name,
      name: c.name,
      dataType: c.dataType,
    }));
  });
}

export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="clause-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Picks a column of the plan's sources. */
export function ColumnSelect({
  id,
  label,
  value,
  spec,
  catalog,
  onPick,
}: {
  id: string;
  label: string;
  value: string;
  spec: EtlSpec;
  catalog: Catalog;
  onPick: (ref: ColumnRef) => void;
}) {
  const columns = columnsOf(spec, catalog);
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={(event) => onPick(refOf(event.target.value))}>
        {!columns.some((c) => c.key === value) && <option value={value}>{value} (not in the catalog)</option>}
        {columns.map((c) => (
          <option key={c.key} value={c.key}>
            {c.key}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TableSelect({
  id,
  value,
  catalog,
  onPick,
}: {
  id: string;
  value: { schema: string; table: string };
  catalog: Catalog;
  onPick: (table: { schema: string; table: string }) => void;
}) {
  const current = `${value.schema}.${value.table}`;
  return (
    <Field id={id} label="Table">
      <select
        id={id}
        value={current}
        onChange={(event) =>
          onPick({ schema: event.target.value.split(".")[0], table: event.target.value.split(".").slice(1).join(".") })
        }
      >
        {!catalog.tables.some((t) => `${t.schema}.${t.name}` === current) && (
          <option value={current}>{current} (not in the catalog)</option>
        )}
        {catalog.tables.map((t) => (
          <option key={`${t.schema}.${t.name}`} value={`${t.schema}.${t.name}`}>
            {t.schema}.{t.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A filter value, with the column's known values to pick from when it has few. */
export function ValueInput({
  id,
  label,
  value,
  known,
  onValue,
}: {
  id: string;
  label: string;
  value: string;
  known: string[];
  onValue: (value: string) => void;
}) {
  return (
    <Field id={id} label={label}>
      <input
        id={id}
        value={value}
        list={known.length ? `${id}-known` : undefined}
        onChange={(event) => onValue(event.target.value)}
        autoComplete="off"
      />
      {known.length > 0 && (
        <datalist id={`${id}-known`}>
          {known.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      )}
    </Field>
  );
}
