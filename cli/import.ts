import path from "node:path";
import { getSql } from "@/lib/db";
import { recordUpload } from "@/lib/db/queries/tables";
import { getOrCreateCliUser } from "@/lib/db/queries/users";
import { checkUploadTarget } from "@/lib/tables/upload-target";
import { importPath, type ImportProgress, type ImportResult } from "@/lib/import";
import type { Command } from "./commands";
import { CliError } from "./output";

const USAGE = "Usage: npm run -s datamorph -- import <file.csv|dir> [--schema S] [--table T] [--replace] [--json]";
// Small files load faster than a progress line could be read.
const PROGRESS_FROM_BYTES = 8 * 1024 * 1024;

/** Reports progress on large files to stderr: a line rewritten in place on a terminal, every 10% otherwise. */
function progressReporter(): (progress: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  let lastKey = "";
  let lastWrite = 0;
  return ({ file, phase, bytesRead, totalBytes }) => {
    if (!totalBytes || totalBytes < PROGRESS_FROM_BYTES) return;
    const percent = Math.floor((bytesRead / totalBytes) * 100);
    const done = bytesRead >= totalBytes;
    const verb = phase === "scan" ? "checking" : "loading";
    if (tty) {
      const now = performance.now();
      if (!done && now - lastWrite < 200) return;
      lastWrite = now;
      process.stderr.write(`\r${file}: ${verb} ${percent}% of ${(totalBytes / 1e6).toFixed(0)} MB${done ? "\n" : ""}`);
      return;
    }
    const key = `${file}:${phase}:${Math.floor(percent / 10)}`;
    if (key === lastKey) return;
    lastKey = key;
    process.stderr.write(`${file}: ${verb} ${percent}%\n`);
  };
}

function formatResults(results: ImportResult[]): string {
  const names = results.map((r) => `${r.schema}.${r.table}`);
  const width = Math.max(...names.map((n) => n.length));
  const rowsWidth = Math.max(...results.map((r) => String(r.rows).length));
  const lines = results.map((r, i) => {
    const rows = `${String(r.rows).padStart(rowsWidth)} ${r.rows === 1 ? "row " : "rows"}`;
    const columns = `${r.columns.length} ${r.columns.length === 1 ? "column" : "columns"}`;
    return `${names[i].padEnd(width)}  ${rows}  ${columns} (${r.columns.map((c) => `${c.name} ${c.type}`).join(", ")})`;
  });
  return `${lines.join("\n")}\n`;
}

export const importCommand: Command = {
  usage: [
    USAGE,
    "",
    "  <file.csv|dir>  a CSV file with a header row, or a directory: each *.csv becomes a table named after its file",
    "  --schema S      schema of the new tables (default: the first source schema); created when missing",
    "  --table T       table name, for a single file (default: the file name, snake_cased)",
    "  --replace       replace tables of the same names that earlier imports made (atomically), keeping each as <table>__previous; source tables are never replaced",
    "  --json          print the result as one JSON object",
  ].join("\n"),
  argument: { name: "path" },
  options: {
    schema: { type: "string" },
    table: { type: "string" },
    replace: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  },
  async run({ values, positionals, env }) {
    if (positionals.length !== 1) throw new CliError(`Give one CSV file or directory to import.\n${USAGE}`, 2);
    const sql = getSql();
    const schema = typeof values.schema === "string" ? values.schema : env.sourceSchemas[0];
    const user = await getOrCreateCliUser();
    const replaced = new Set<string>();
    // The web upload's rules: only tables an upload made, by this account, are replaced.
    const beforeReplace = async (tables: string[]) => {
      for (const table of tables) await checkUploadTarget({ sql, schema, table, user, replace: true });
      tables.forEach((table) => replaced.add(table));
    };
    const results = await importPath({
      sql,
      path: positionals[0],
      schema,
      table: typeof values.table === "string" ? values.table : undefined,
      replace: values.replace === true,
      beforeReplace,
      onProgress: values.json ? undefined : progressReporter(),
    });
    for (const r of results)
      await recordUpload({
        userId: user.id,
        schema: r.schema,
        table: r.table,
        fileName: path.basename(positionals[0]),
        rowCount: r.rows,
        keptPrevious: replaced.has(r.table),
      });
    process.stdout.write(values.json ? `${JSON.stringify({ tables: results })}\n` : formatResults(results));
    return 0;
  },
};
