import type { CatalogColumn } from "@/lib/catalog/types";

/** A table's columns with their types, marking the primary key and columns that never hold NULL. */
export function ColumnList({ columns, primaryKey }: { columns: CatalogColumn[]; primaryKey: string[] }) {
  return (
    <ul className="column-list" data-testid="columns">
      {columns.map((column) => (
        <li key={column.name}>
          <code>{column.name}</code> <span className="muted">{column.dataType}</span>
          {primaryKey.includes(column.name) && <span className="badge key">PK</span>}
          {!column.nullable && !primaryKey.includes(column.name) && <span className="badge">not null</span>}
        </li>
      ))}
    </ul>
  );
}
