import { quoteIdent } from "@/lib/codegen/sql-quote";
import type { Entity, Measure, TimeDimension } from "@/lib/semantic-model/model-schema";
import { fail } from "./build-sources";
import { snake } from "./build-sources";

/**
 * Arithmetic a request states over the columns of one entity ("unit price times quantity",
 * "MSRP minus buy price", "(1 - discount)"), as a tree with the precedence the words gave it,
 * and date differences ("days from order date to shipped date": `to` minus `from`, in days).
 */
export type Formula =
  | { k: "measure"; measure: Measure }
  | { k: "date"; time: TimeDimension }
  | { k: "number"; value: number; text: string }
  | { k: "op"; op: "+" | "-" | "*" | "/"; left: Formula; right: Formula }
  | { k: "elapsed"; later: TimeDimension; earlier: TimeDimension; unit: ElapsedUnit };

/** The units a time between two dates is said in ("hours between …", "more than 3 days to ship"). */
export type ElapsedUnit = "minute" | "hour" | "day" | "week";
export const ELAPSED_UNITS: readonly string[] = ["minute", "hour", "day", "week"] satisfies ElapsedUnit[];
const SECONDS: Record<ElapsedUnit, number> = { minute: 60, hour: 3_600, day: 86_400, week: 604_800 };

/** The time from `earlier` to `later`, in `unit`. */
export const elapsed = (later: TimeDimension, earlier: TimeDimension, unit: ElapsedUnit = "day"): Formula => ({
  k: "elapsed",
  later,
  earlier,
  unit,
});

/** The columns a formula reads. */
export const formulaColumns = (f: Formula): string[] =>
  f.k === "measure"
    ? [f.measure.column]
    : f.k === "date"
      ? [f.time.column]
      : f.k === "elapsed"
        ? [f.later.column, f.earlier.column]
        : f.k === "number"
          ? []
          : [...formulaColumns(f.left), ...formulaColumns(f.right)];

/**
 * The formula in checked-expression SQL over the entity's source alias. Dates only subtract from
 * dates: the difference of two calendar dates is a whole number of days in both engines; where a
 * time of day is involved it is the seconds between them in the unit asked for (days when the
 * request says none).
 */
export function formulaSql(f: Formula, alias: string): string {
  const wrap = (g: Formula) => (g.k === "op" ? `(${formulaSql(g, alias)})` : formulaSql(g, alias));
  switch (f.k) {
    case "measure":
      return `${quoteIdent(alias)}.${quoteIdent(f.measure.column)}`;
    case "number":
      return f.text;
    case "date":
      return fail("a date outside a difference of dates");
    case "elapsed":
      return elapsedSql(f, alias);
    case "op": {
      const dates = [f.left, f.right].filter((g) => g.k === "date");
      if (dates.length === 0) return `${wrap(f.left)} ${f.op} ${wrap(f.right)}`;
      if (dates.length !== 2 || f.op !== "-") return fail("arithmetic on a date");
      const [later, earlier] = dates as Extract<Formula, { k: "date" }>[];
      return elapsedSql({ k: "elapsed", later: later.time, earlier: earlier.time, unit: "day" }, alias);
    }
  }
}

function elapsedSql(f: Extract<Formula, { k: "elapsed" }>, alias: string): string {
  const [later, earlier] = [f.later, f.earlier].map((t) => `${quoteIdent(alias)}.${quoteIdent(t.column)}`);
  if (f.later.type === "date" && f.earlier.type === "date") {
    const days = `${later} - ${earlier}`;
    if (f.unit === "day") return days;
    return SECONDS[f.unit] < SECONDS.day
      ? `(${days}) * ${SECONDS.day / SECONDS[f.unit]}`
      : `CAST(${days} AS numeric) / ${SECONDS[f.unit] / SECONDS.day}`;
  }
  return `extract(epoch from (${later} - ${earlier})) / ${SECONDS[f.unit]}`;
}

/**
 * Whether the formula is an amount that adds up over rows (an extensive quantity): a column added
 * up by default, a product with one, a quotient of one by a rate, a sum or difference of such.
 * "unit price × quantity" adds up; "MSRP minus buy price" and "1 - discount" do not: their total
 * means nothing, so they are aggregated only as the request says.
 */
export function addsUp(f: Formula): boolean {
  switch (f.k) {
    case "measure":
      return f.measure.defaultAgg === "sum";
    case "date":
    case "elapsed":
    case "number":
      return false;
    case "op":
      if (f.op === "*") return addsUp(f.left) || addsUp(f.right);
      if (f.op === "/") return addsUp(f.left) && !addsUp(f.right);
      return addsUp(f.left) && addsUp(f.right);
  }
}

/** An output name for a formula, from the words it was read from ("unit_price_x_quantity"). */
export function formulaName(phrase: string, f: Formula): string {
  return (
    snake(phrase.replace(/[*×]/g, " times ").replace(/\//g, " per ").replace(/\+/g, " plus ")) ||
    snake(formulaColumns(f).join("_"))
  );
}

export type FormulaOf = { entity: Entity; formula: Formula };
