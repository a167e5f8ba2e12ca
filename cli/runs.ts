import { getSql } from "@/lib/db";
import type { Command } from "./commands";
import { formatTable } from "./output";

export const runsCommand: Command = {
  usage: "Usage: npm run -s datamorph -- runs [--limit <n>] [--json]",
  options: { json: { type: "boolean" }, limit: { type: "string" }, help: { type: "boolean" } },
  async run({ values }) {
    const limit = Math.min(500, Math.max(1, Number(values.limit ?? 20) || 20));
    const rows = await getSql()`
      select r.id, r.status, r.rolled_back_at, r.target_schema, r.target_table, r.row_count, r.prompt, r.created_at,
             extract(epoch from (r.finished_at - r.started_at)) * 1000 as ms, u.email
      from datamorph.runs r join datamorph.users u on u.id = r.user_id
      order by r.created_at desc limit ${limit}`;
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows.map((r) => ({ ...r, rolled_back: r.rolled_back_at !== null, ms: r.ms === null ? null : Math.round(Number(r.ms)) })))}\n`);
      return 0;
    }
    process.stdout.write(formatTable(
      ["run", "status", "target", "rows", "ms", "started", "prompt"],
      rows.map((r) => [r.id.slice(0, 8), r.rolled_back_at ? "rolled back" : r.status, r.target_table ? `${r.target_schema}.${r.target_table}` : "", r.row_count, r.ms === null ? null : Math.round(Number(r.ms)), new Date(r.created_at).toISOString().slice(0, 19).replace("T", " "), r.prompt]),
    ));
    return 0;
  },
};
