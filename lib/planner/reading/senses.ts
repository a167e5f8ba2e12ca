import type { Formula } from "./formula";
import type {
  Dimension,
  Entity,
  Flag,
  Measure,
  Relationship,
  TimeDimension,
  Unit,
} from "@/lib/semantic-model/model-schema";

/** What a phrase of the request can mean in the warehouse, from the semantic model. */
export type Meaning =
  | { kind: "entity"; entity: Entity }
  /** `as`: the unit the request wants the measure in ("length in minutes"), with its words. */
  | { kind: "measure"; entity: Entity; measure: Measure; as?: { unit: Unit; phrase: string } }
  | { kind: "dimension"; entity: Entity; dimension: Dimension }
  | { kind: "time"; entity: Entity; time: TimeDimension }
  | { kind: "flag"; entity: Entity; flag: Flag }
  | { kind: "value"; entity: Entity; column: string; value: string }
  /** A role noun of a relationship ("support rep", "manager"): the entity at its `to` end, reached through it. */
  | { kind: "role"; entity: Entity; relationship: Relationship }
  /** Arithmetic the request states over the entity's columns ("unit price times quantity"), with its words. */
  | { kind: "formula"; entity: Entity; formula: Formula; phrase: string };

/**
 * How strongly words name a meaning: the model's own name for it, a phrase its name gives, a
 * general synonym, a value found in the data (weaker when only its words match: "gift cards"
 * for `gift_card`), a spelling only a fuzzy match finds.
 */
export const STRENGTH = { name: 1, words: 0.9, value: 0.85, synonym: 0.7, looseValue: 0.5, fuzzy: 0.3 } as const;

/** The column a meaning names, when it names one. */
export function meaningColumn(m: Meaning): string | undefined {
  switch (m.kind) {
    case "measure":
      return m.measure.column;
    case "dimension":
      return m.dimension.column;
    case "time":
      return m.time.column;
    case "flag":
      return m.flag.column;
    case "value":
      return m.column;
    default:
      return undefined;
  }
}

/** A short, stable description of a meaning ("public.orders.amount"). */
export function describeMeaning(m: Meaning): string {
  const column = meaningColumn(m);
  if (m.kind === "role") return `${m.entity.table} as ${m.relationship.roles?.[0] ?? "related"}`;
  return column ? `${m.entity.table}.${column}${m.kind === "value" ? ` = ${m.value}` : ""}` : m.entity.table;
}
