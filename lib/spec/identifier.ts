/** Longest identifier Postgres keeps without truncation (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_LENGTH = 63;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** True for a lowercase snake_case name Postgres accepts unquoted and keeps as written. */
export function isSnakeIdentifier(name: string): boolean {
  return name.length > 0 && name.length <= MAX_IDENTIFIER_LENGTH && IDENTIFIER.test(name);
}

/**
 * Turns free words ("Total Order Amount", "customer-order totals") into a snake_case
 * identifier, or `null` when nothing usable is left.
 */
export function toSnakeIdentifier(words: string): string | null {
  let name = words
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (/^[0-9]/.test(name)) name = `n_${name}`;
  name = name.slice(0, MAX_IDENTIFIER_LENGTH).replace(/_+$/g, "");
  return isSnakeIdentifier(name) ? name : null;
}
