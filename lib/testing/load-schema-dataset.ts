import { createReadStream } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlClient } from "@/lib/db/client";
import { quoteIdent } from "@/lib/db/ident";
import { copyFrom } from "@/lib/import/copy-from";

/**
 * Loads a dataset folder the way its README does: `schema.sql` as written (its column types,
 * keys and quoted camelCase names), then every `<table>.csv` with COPY, all in one transaction.
 * Foreign keys are not checked during the load, so tables load in any order; the connection must
 * be a superuser's, as a test server's is.
 */
export async function loadSchemaDataset(sql: SqlClient, dir: string): Promise<void> {
  const ddl = await readFile(path.join(dir, "schema.sql"), "utf8");
  const tables = (await readdir(dir)).filter((file) => file.endsWith(".csv")).sort();
  await sql.begin(async (tx) => {
    await tx.unsafe(ddl);
    await tx.unsafe("set local session_replication_role = replica");
    for (const file of tables) {
      const table = quoteIdent(path.basename(file, ".csv"));
      await copyFrom(
        tx,
        `copy ${table} from stdin with (format csv, header)`,
        createReadStream(path.join(dir, file), "utf8"),
      );
    }
  });
}
