import { readCatalog } from "@/lib/catalog/read-catalog";
import { getSql } from "@/lib/db";
import { countUsers } from "@/lib/db/queries/users";
import type { Command } from "./commands";
import { formatTable } from "./output";

export const statusCommand: Command = {
  usage: "Usage: npm run -s datamorph -- status [--json]",
  options: { json: { type: "boolean" }, help: { type: "boolean" } },
  async run({ values, env }) {
    const sql = getSql();
    const [{ version }] = await sql`select current_setting('server_version') as version`;
    const catalog = await readCatalog(sql, env.sourceSchemas);
    const users = await countUsers();
    const summary = {
      mode: env.mode,
      postgres: version,
      users,
      tables: catalog.tables.map((t) => ({
        schema: t.schema,
        name: t.name,
        columns: t.columns.length,
        rows: t.rowCount,
      })),
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
      return 0;
    }
    process.stdout.write(
      `Database: ${env.mode === "embedded" ? `embedded Postgres ${version} (${env.dataDir})` : `DATABASE_URL (Postgres ${version})`}\nAccounts: ${users}\n\n`,
    );
    process.stdout.write(
      formatTable(
        ["table", "columns", "rows (approx.)"],
        summary.tables.map((t) => [`${t.schema}.${t.name}`, t.columns, t.rows]),
      ),
    );
    return 0;
  },
};
