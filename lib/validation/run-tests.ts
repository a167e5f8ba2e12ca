import type { SqlClient } from "@/lib/db/client";
import type { DataTest, DataTestResult } from "./types";

const SAMPLE_ROWS = 10;

function jsonSafe(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === "__failing_count") continue;
    out[key] = typeof value === "bigint" ? value.toString() : value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/**
 * Runs data tests in one read-only transaction with a statement timeout, so a test can never
 * change data; each result keeps up to 10 failing rows and the total count.
 */
export async function runTests(sql: SqlClient, tests: DataTest[], { timeoutMs }: { timeoutMs: number }): Promise<DataTestResult[]> {
  return sql.begin("read only", async (tx) => {
    await tx.unsafe(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
    const results: DataTestResult[] = [];
    for (const { failingSql, ...test } of tests) {
      const started = performance.now();
      const probe = `SELECT f.*, count(*) OVER () AS __failing_count FROM (\n${failingSql}\n) f LIMIT ${SAMPLE_ROWS}`;
      try {
        await tx.unsafe("savepoint test");
        const rows = await tx.unsafe(probe);
        await tx.unsafe("release savepoint test");
        const failingCount = rows.length > 0 ? Number(rows[0].__failing_count) : 0;
        results.push({ ...test, sql: failingSql, passed: failingCount === 0, failingCount, failingRows: rows.map(jsonSafe), ms: Math.round(performance.now() - started) });
      } catch (error) {
        await tx.unsafe("rollback to savepoint test");
        const message = error instanceof Error ? error.message : String(error);
        results.push({ ...test, sql: failingSql, passed: false, failingCount: 0, failingRows: [], ms: Math.round(performance.now() - started), error: message });
      }
    }
    return results;
  });
}
