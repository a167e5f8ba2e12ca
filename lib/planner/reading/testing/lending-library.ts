import type { Catalog, CatalogColumn } from "@/lib/catalog/types";

const col = (name: string, dataType: string, nullable = false): CatalogColumn => ({ name, dataType, nullable });
const fk = (column: string, table: string, key: string) => ({
  columns: [column],
  refSchema: "lib",
  refTable: table,
  refColumns: [key],
});

/**
 * A small lending library, unlike any evaluation dataset, for the reading planner's grammar
 * tests: members borrow books (loans), books have authors, late loans get fines (which have no
 * date of their own).
 */
export const libraryCatalog: Catalog = {
  tables: [
    {
      schema: "lib",
      name: "members",
      columns: [
        col("member_id", "integer"),
        col("first_name", "text"),
        col("last_name", "text"),
        col("city", "text"),
        col("joined_on", "date"),
      ],
      primaryKey: ["member_id"],
      foreignKeys: [],
    },
    {
      schema: "lib",
      name: "authors",
      columns: [col("author_id", "integer"), col("name", "text"), col("nationality", "text")],
      primaryKey: ["author_id"],
      foreignKeys: [],
    },
    {
      schema: "lib",
      name: "books",
      columns: [
        col("book_id", "integer"),
        col("author_id", "integer"),
        col("title", "text"),
        col("genre", "text"),
        col("pages", "integer"),
        col("price", "numeric(10,2)"),
      ],
      primaryKey: ["book_id"],
      foreignKeys: [fk("author_id", "authors", "author_id")],
    },
    {
      schema: "lib",
      name: "loans",
      columns: [
        col("loan_id", "integer"),
        col("member_id", "integer"),
        col("book_id", "integer"),
        col("loaned_on", "date"),
        col("returned_on", "date", true),
        col("state", "text"),
        col("amount", "numeric(10,2)"),
      ],
      primaryKey: ["loan_id"],
      foreignKeys: [fk("member_id", "members", "member_id"), fk("book_id", "books", "book_id")],
    },
    {
      schema: "lib",
      name: "fines",
      columns: [col("fine_id", "integer"), col("loan_id", "integer"), col("amount", "numeric(10,2)")],
      primaryKey: ["fine_id"],
      foreignKeys: [fk("loan_id", "loans", "loan_id")],
    },
  ],
};

export const librarySampleValues: Record<string, string[]> = {
  "members.city": ["Lisbon", "Oslo", "Quito"],
  "books.genre": ["poetry", "history", "crime"],
  "loans.state": ["open", "closed", "lost"],
};
