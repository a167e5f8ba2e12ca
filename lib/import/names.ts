import path from "node:path";
import { AppError } from "@/lib/errors";
import { isSnakeIdentifier, toSnakeIdentifier } from "@/lib/spec/identifier";

// DataMorph's own tables and Postgres' catalogs are never import targets.
const RESERVED_SCHEMAS = new Set(["datamorph", "information_schema"]);

// Every table has these hidden columns, so no column of an imported table may take their names.
// (`oid` was one until Postgres 12; it is an ordinary column name now.)
const SYSTEM_COLUMNS = new Set(["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"]);

/** The most columns a Postgres table may have. */
export const MAX_COLUMNS = 1600;

/** "Prénom Client" -> "prenom_client": accents dropped, then snake_cased; `null` when nothing usable is left. */
export function toColumnName(words: string): string | null {
  return toSnakeIdentifier(words.normalize("NFD").replace(/\p{M}/gu, ""));
}

/** The table a CSV file becomes: "Raw Orders.csv" -> "raw_orders". */
export function tableNameFromFile(file: string): string {
  const base = path.basename(file, path.extname(file));
  const name = toColumnName(base);
  if (!name)
    throw new AppError(
      "bad_request",
      `Cannot make a table name from the file name "${path.basename(file)}"; rename the file or give a table name.`,
    );
  return name;
}

/** Checks a table or schema name the user typed; it is used as written, so it must already be snake_case. */
export function checkIdentifier(name: string, kind: "table" | "schema"): string {
  if (!isSnakeIdentifier(name)) {
    const hint = toColumnName(name);
    throw new AppError(
      "bad_request",
      `"${name}" is not a valid ${kind} name: use lowercase letters, digits and _ (at most 63)${hint ? `, e.g. ${hint}` : ""}.`,
    );
  }
  if (kind === "schema" && (RESERVED_SCHEMAS.has(name) || name.startsWith("pg_"))) {
    throw new AppError(
      "bad_request",
      `Cannot import into the "${name}" schema: it belongs to ${name === "datamorph" ? "DataMorph" : "Postgres"}.`,
    );
  }
  if (kind === "table" && name.startsWith("pg_")) {
    const hint = name.replace(/^pg_+/, "");
    throw new AppError(
      "bad_request",
      `"${name}" cannot be a table name: Postgres reserves names that start with pg_. Choose another table name${hint ? `, e.g. ${hint}` : ""}, or rename the file.`,
    );
  }
  return name;
}

/**
 * Turns a header row into column names: snake_cased, and refused when a name is missing,
 * unusable or repeated, since a table cannot hold two columns of one name.
 */
export function columnNamesFromHeader(header: (string | null)[], file: string): string[] {
  if (header.length > MAX_COLUMNS) {
    throw new AppError(
      "bad_request",
      `${file} has ${header.length.toLocaleString("en-US")} columns; a Postgres table holds at most ${MAX_COLUMNS.toLocaleString("en-US")}. Split the file, or remove the columns you do not need, and import it again.`,
    );
  }
  const where = (i: number) => `column ${i + 1} of the header of ${file}`;
  const names = header.map((cell, i) => {
    if (cell === null || cell.trim() === "")
      throw new AppError("bad_request", `The name of ${where(i)} is empty; every column needs a name.`);
    const name = toColumnName(cell);
    if (!name)
      throw new AppError(
        "bad_request",
        `The name of ${where(i)}, "${cell}", has no letters or digits to make a column name from; rename it.`,
      );
    return name;
  });
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) {
      const same =
        header[first] === header[i] ? `"${header[i]}"` : `"${header[first]}" and "${header[i]}" (both become ${name})`;
      throw new AppError(
        "bad_request",
        `${file} has two columns named ${same}: columns ${first + 1} and ${i + 1}; column names must be unique.`,
      );
    }
    seen.set(name, i);
  });
  const reserved = names.flatMap((name, i) => (SYSTEM_COLUMNS.has(name) ? [i] : []));
  if (reserved.length > 0) {
    const quoted = reserved.map((i) => `"${header[i]}" (column ${i + 1})`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}`;
    const one = reserved.length === 1;
    const example = `${names[reserved[0]]}_value`;
    throw new AppError(
      "bad_request",
      `${file} has ${one ? "a column" : "columns"} named ${list}: Postgres keeps ${one ? "that name" : "those names"} for its own system columns. Rename ${one ? "that header" : "those headers"} (e.g. to ${example}) and import it again.`,
    );
  }
  return names;
}
