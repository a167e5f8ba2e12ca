/** The address of a table's view on the Data page. */
export const tableHref = (schema: string, table: string, page = 1) =>
  `/data/${encodeURIComponent(table)}?schema=${encodeURIComponent(schema)}${page > 1 ? `&page=${page}` : ""}`;
