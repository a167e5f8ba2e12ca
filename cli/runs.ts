import { listRuns } from "@/lib/db/queries/runs";
import type { Command } from "./commands";
import { formatTable } from "./output";

export const runsCommand: Command = {
  usage: "Usage: npm run -s datamorph -- runs [--limit <n>] [--json]",
  options: { json: { type: "boolean" }, limit: { type: "string" }, help: { type: "boolean" } },
  async run({ values }) {
    const limit = Math.min(500, Math.max(1, Number(values.limit ?? 20) || 20));
    // Whoever runs the command line holds the database, so it lists every user's runs.
    const runs = await listRuns({ isAdmin: true, limit });
    const rows = runs.map((r) => ({
      id: r.id,
      status: r.status,
      rolled_back_at: r.rolledBackAt,
      target_schema: r.targetSchema,
      target_table: r.targetTable,
      row_count: r.rowCount,
      prompt: r.prompt,
      created_at: r.createdAt,
      ms: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
      email: r.userEmail,
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, rolled_back: r.rolled_back_at !== null })))}\n`);
      return 0;
    }
    process.stdout.write(
      formatTable(
        ["run", "status", "target", "rows", "ms", "started", "prompt"],
        rows.map((r) => [
          r.id.slice(0, 8),
          r.rolled_back_at ? "rolled back" : r.status,
          r.target_table ? `${r.target_schema}.${r.target_table}` : "",
          r.row_count,
          r.ms,
          r.created_at.toISOString().slice(0, 19).replace("T", " "),
          r.prompt,
        ]),
      ),
    );
    return 0;
  },
};
