import { ATTRIBUTE_SYNONYMS, CALENDAR_WORDS, DATE_WORDS, isKeyLike, LOCATION_WORDS } from "./column-kinds";
import { typeFamily } from "./column-types";
import { columnWords } from "./column-words";
import { defaultAggregate } from "./default-aggregate";
import { flagOf } from "./flags";
import type { Dimension, Flag, Measure, TimeDimension } from "./model-schema";
import { isMoneyUnit, quantityWords, unitOf } from "./units";
import { baseVerb } from "./words/inflection";
import { phrase, uniquePhrases } from "./words/name-words";
import { locationVerbs } from "./relation-verbs";

/** What one column is to the model. Keys and foreign keys are read by the entity and relationships. */
export type ColumnRole =
  | { kind: "skip" }
  | { kind: "dimension"; dimension: Dimension }
  | { kind: "time"; time: TimeDimension }
  | { kind: "measure"; measure: Measure }
  | { kind: "flag"; flag: Flag };

export type ColumnContext = {
  entityForms: string[][];
  /** The column is the table's whole primary key. */
  isKey: boolean;
  /** Distinct values, when read (null: too many to list). */
  values?: string[] | null;
  sampled?: boolean;
};

// A money column that adds up is what a row is worth, by whatever name: "amount" is the plainest.
const money = (agg: "sum" | "avg") => (agg === "sum" ? ["amount", "revenue", "sales", "spend", "value"] : ["price"]);

function synonymsOf(phrases: string[], extra: string[] = []): string[] | undefined {
  const found = uniquePhrases([...phrases.flatMap((p) => ATTRIBUTE_SYNONYMS[p] ?? []), ...extra]).filter(
    (s) => !phrases.includes(s),
  );
  return found.length > 0 ? found : undefined;
}

/** Reads one non-foreign-key column as a dimension, time dimension, measure or flag. */
export function classifyColumn(column: { name: string; dataType: string }, context: ColumnContext): ColumnRole {
  const family = typeFamily(column.dataType);
  if (family === "opaque") return { kind: "skip" };
  const words = columnWords(column.name, context.entityForms);
  const { expanded } = words;

  const flag = context.isKey
    ? undefined
    : flagOf({ dataType: column.dataType, written: words.written, expanded }, context.values);
  if (flag) return { kind: "flag", flag: { column: column.name, words: flag.words, trueValue: flag.trueValue } };

  if (family === "date" || family === "timestamp") {
    // What happened at that date, unless it is only the entity itself ("invoice date" of invoices).
    const event = words.rest.filter((w) => !DATE_WORDS.has(w));
    const verb = event.length > 0 ? baseVerb(event[event.length - 1]) : undefined;
    const named = verb && [...event.slice(0, -1), verb];
    // "shipped_at" is also the "shipped date" and the "ship date": an event's time is its date.
    const dated =
      words.rest.includes("date") || event.length === 0 ? [] : [[...event, "date"], named && [...named, "date"]];
    const synonyms = uniquePhrases([event, named, ...dated]).filter((s) => !words.phrases.includes(s));
    return {
      kind: "time",
      time: { column: column.name, words: words.phrases, ...(synonyms.length > 0 ? { synonyms } : {}), type: family },
    };
  }

  const numeric = family === "integer" || family === "decimal";
  if (numeric && !context.isKey && !isKeyLike(expanded) && !expanded.some((w) => CALENDAR_WORDS.has(w))) {
    const unit = unitOf(expanded, column.dataType);
    const defaultAgg = defaultAggregate(expanded, unit);
    const synonyms = synonymsOf(words.phrases, [
      ...quantityWords(unit),
      ...(isMoneyUnit(unit) ? money(defaultAgg) : []),
    ]);
    return {
      kind: "measure",
      measure: {
        column: column.name,
        words: words.phrases,
        ...(synonyms ? { synonyms } : {}),
        defaultAgg,
        ...(unit ? { unit } : {}),
      },
    };
  }

  const location = expanded.some((w) => LOCATION_WORDS.has(w));
  const kind = location ? "location" : context.isKey || isKeyLike(expanded) ? "identifier" : undefined;
  const verbs = location ? locationVerbs(expanded) : [];
  const synonyms = synonymsOf(words.phrases.concat(phrase(words.rest)));
  const values =
    Array.isArray(context.values) && family !== "integer" && family !== "decimal" ? context.values : undefined;
  return {
    kind: "dimension",
    dimension: {
      column: column.name,
      words: words.phrases,
      ...(synonyms ? { synonyms } : {}),
      ...(kind ? { kind } : {}),
      ...(verbs.length > 0 ? { verbs } : {}),
      ...(values && values.length > 0 ? { values, ...(context.sampled ? { valuesSampled: true } : {}) } : {}),
    },
  };
}
