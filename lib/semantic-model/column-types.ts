/** What a Postgres type (as `format_type` prints it) can mean to the model. */
export type TypeFamily =
  | "text"
  | "integer"
  | "decimal"
  | "boolean"
  | "date"
  | "timestamp"
  | "time"
  | "opaque"
  | "other";

const INTEGER = /^(smallint|integer|bigint|int[248]?|smallserial|serial|bigserial)$/;
const DECIMAL = /^(numeric|decimal)(\(\d+(,\s*-?\d+)?\))?$|^(real|double precision|float[48]?|money)$/;
const TEXT = /^(text|citext|name|character varying|varchar|character|char|bpchar)(\(\d+\))?$/;
// Values nobody groups, filters or adds up in a request: pictures, documents, search vectors.
const OPAQUE =
  /^(bytea|json|jsonb|xml|tsvector|tsquery|point|line|lseg|box|path|polygon|circle|geometry|geography)\b|\[\]$/;

/** The family of a column type; enum and domain types (printed by their own names) are `other`. */
export function typeFamily(dataType: string): TypeFamily {
  const type = dataType.trim().toLowerCase();
  if (INTEGER.test(type)) return "integer";
  if (DECIMAL.test(type)) return "decimal";
  if (TEXT.test(type)) return "text";
  if (type === "boolean" || type === "bool") return "boolean";
  if (type === "date") return "date";
  if (type.startsWith("timestamp")) return "timestamp";
  if (type.startsWith("time")) return "time";
  if (OPAQUE.test(type)) return "opaque";
  return "other";
}

/** Whether the type holds numbers (integers or decimals). */
export const isNumericType = (dataType: string) => ["integer", "decimal"].includes(typeFamily(dataType));

/** The scale of a `numeric(p,s)` type, undefined for any other type. */
export function numericScale(dataType: string): number | undefined {
  const match = /^(?:numeric|decimal)\(\d+,\s*(-?\d+)\)$/.exec(dataType.trim().toLowerCase());
  return match ? Number(match[1]) : undefined;
}

/** Whether the type is Postgres's `money`. */
export const isMoneyType = (dataType: string) => dataType.trim().toLowerCase() === "money";

/** Whether values of the two types can be compared by a join without a cast that loses meaning. */
export function joinableTypes(a: string, b: string): boolean {
  const fa = typeFamily(a);
  const fb = typeFamily(b);
  if (fa === "integer" || fb === "integer") return fa === fb;
  return fa === fb || a === b;
}
