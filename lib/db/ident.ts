/** Quotes a Postgres identifier, doubling embedded quotes; the name itself must come from the catalog. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
