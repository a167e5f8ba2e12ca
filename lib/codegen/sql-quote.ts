import { CodegenError } from "@/lib/codegen/codegen-error";

/** Double-quotes a Postgres identifier, doubling embedded quotes. */
export function quoteIdent(name: string): string {
  if (name.length === 0 || name.includes("\u0000"))
    throw new CodegenError("invalid_spec", "identifier is empty or contains a NUL byte");
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A string constant. Backslashes get the E'' form so the text means the same whatever
 * `standard_conforming_strings` says.
 */
export function quoteString(value: string): string {
  if (value.includes("\u0000")) throw new CodegenError("invalid_literal", "text constant contains a NUL byte");
  const body = value.replace(/'/g, "''");
  return value.includes("\\") ? `E'${body.replace(/\\/g, "\\\\")}'` : `'${body}'`;
}

/** A numeric constant; negatives are parenthesised so they never merge with an operator. */
export function quoteNumber(value: number): string {
  if (!Number.isFinite(value)) throw new CodegenError("invalid_literal", `${value} is not a finite number`);
  const text = String(value);
  return value < 0 ? `(${text})` : text;
}
