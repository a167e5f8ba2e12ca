import { countName } from "./naming";
import type { ColumnFilter, ColumnRef } from "@/lib/spec/clauses";
import type { Entity } from "@/lib/semantic-model/model-schema";
import type { AggregateFn, OutputColumn } from "@/lib/spec/output-column";
import { namesAnAmount } from "@/lib/semantic-model/default-aggregate";
import { fail, snake } from "./build-sources";
import { addsUp, formulaName, formulaSql } from "./formula";
import type { Meaning } from "./senses";
import type { Part } from "./parts";

type Of<K extends Part["k"]> = Extract<Part, { k: K }>;
type Aggregate = Extract<OutputColumn["expr"], { kind: "aggregate" }>;

/** What derived outputs need of the reading being built (see build-spec.ts). */
export type DerivedContext = {
  columns: OutputColumn[];
  addColumn: (c: OutputColumn) => string;
  addMeasure: (m: Part, phrase: string) => string;
  /** The conditions of a conditional aggregate, on the aggregated rows' own columns. */
  rowConditions: (words: Part[]) => ColumnFilter[];
  /** A column of an entity, its table joined in. */
  columnOf: (e: Entity, column: string, phrase: string) => ColumnRef;
  hasHaving: boolean;
};

/**
 * A share: of the table's whole when nothing picks the part (each group is a part), else the
 * part's conditions make a conditional aggregate over each group's rows, divided by the group's
 * own aggregate ("what % of orders got cancelled, per year"). Conditions read right after the
 * share's noun attach to it, as a modifier attaches to the nearest noun: that reading wins (its
 * bonus) over the same words read as a filter of the whole request.
 */
export function addShare(share: Of<"share">, percent: boolean, d: DerivedContext): { name: string; bonus: number } {
  const whole = d.addMeasure(share.of, "phrase" in share.of ? share.of.phrase : share.phrase);
  const prefix = percent ? "pct" : "share";
  if (share.part.length === 0) {
    if (d.hasHaving) fail("a share beside a having clause");
    return {
      name: d.addColumn({
        name: snake(`${prefix}_of_${whole}`),
        expr: { kind: "share", of: whole, percent },
        phrase: share.phrase,
      }),
      bonus: 0,
    };
  }
  const wholeColumn = d.columns.find((c) => c.name === whole)!;
  if (wholeColumn.expr.kind !== "aggregate") return fail("a share of a value that is not an aggregate");
  const where = d.rowConditions(share.part);
  const partWords = share.part.map((p) => ("phrase" in p ? p.phrase : "")).join(" ");
  const part = d.addColumn({
    name: snake(`${whole}_${partWords}`),
    expr: { ...(wholeColumn.expr as Aggregate), where },
    phrase: partWords,
  });
  return {
    name: d.addColumn({
      name: snake(`${prefix}_${part}`),
      expr: { kind: "ratio", numerator: part, denominator: whole, percent },
      phrase: share.phrase,
    }),
    bonus: 0.5,
  };
}

/** "average number of line items per order": what is counted over the number of distinct orders. */
export function addAveragePer(a: Of<"average-per">, d: DerivedContext): string {
  const numerator = d.addMeasure(a.of, a.phrase);
  const key = a.per.key[0] ?? fail("an average per rows without a key");
  if (a.per.key.length > 1) fail("an average per rows of a composite key");
  const denominator = d.addColumn({
    name: countName(a.per, false),
    expr: {
      kind: "aggregate",
      fn: "count_distinct",
      arg: { kind: "column", column: d.columnOf(a.per, key, a.phrase) },
    },
    phrase: a.phrase,
  });
  return d.addColumn({
    name: snake(`avg_${numerator}_per_${a.per.name}`),
    expr: { kind: "ratio", numerator, denominator, percent: false },
    phrase: a.phrase,
  });
}

/**
 * An aggregate of a formula ("total unit price times quantity"). Without an aggregate word it is
 * added up only when that means something: an amount (see addsUp), a formula the request names
 * as one ("net revenue (qty * unit price - discount)", as the model's measures are), or groups
 * that are each one of the formula's own rows (`ownRows`).
 */
export function addFormulaMeasure(
  t: Extract<Meaning, { kind: "formula" }>,
  given: AggregateFn | undefined,
  ownRows: boolean,
  alias: string,
  phrase: string,
  d: DerivedContext,
): string {
  const namedAmount = namesAnAmount(t.phrase.toLowerCase().split(/[^a-z]+/));
  const fn =
    given ??
    (addsUp(t.formula) || ownRows || namedAmount
      ? "sum"
      : fail("a computed value that does not add up, without an aggregate"));
  if (fn === "count" || fn === "count_distinct") fail("a count of computed values");
  const sql = formulaSql(t.formula, alias);
  const known = d.columns.find(
    (c) =>
      c.expr.kind === "aggregate" && c.expr.fn === fn && c.expr.arg.kind === "expression" && c.expr.arg.sql === sql,
  );
  if (known) return known.name;
  return d.addColumn({
    name: snake(`${fn === "sum" ? "total" : fn}_${formulaName(t.phrase, t.formula)}`),
    expr: { kind: "aggregate", fn, arg: { kind: "expression", sql } },
    phrase,
  });
}
