// The model's keys are camelCase in TypeScript and snake_case in YAML, as semantic-layer files
// (dbt, Cube) write them. Only keys change: no value (a column name) is ever rewritten.

const toSnake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const toCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapKeys(item, rename));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [rename(key), mapKeys(item, rename)]));
}

/** The same document with snake_case keys. */
export const snakeKeys = (value: unknown) => mapKeys(value, toSnake);
/** The same document with camelCase keys. */
export const camelKeys = (value: unknown) => mapKeys(value, toCamel);
/** One key or path segment as the YAML file spells it. */
export const snakeKey = toSnake;
