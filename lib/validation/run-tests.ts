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

/** Tests run two at a time: the machine's cores work in parallel on the big scans. */
const CONCURRENCY = 2;

/**
 * Runs data tests, each in a read-only transaction with a statement timeout, so a test can never
 * change data; each result keeps up to 10 failing rows and the total count.
 */
export async function runTests(
  sql: SqlClient,
  tests: DataTest[],
  { timeoutMs }: { timeoutMs: number },
): Promise<DataTestResult[]> {
  const results: DataTestResult[] = new Array(tests.length);
  let next = 0;
  const worker = async () => {
    while (next < tests.length) {
      const index = next++;
      results[index] = await runTest(sql, tests[index], timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, tests.length) }, worker));
  return results;
}

async function runTest(sql: SqlClient, { failingSql, ...test }: DataTest, timeoutMs: number): Promise<DataTestResult> {
  const started = performance.now();
  const probe = `SELECT f.*, count(*) OVER () AS __failing_count FROM (\n${failingSql}\n) f LIMIT ${SAMPLE_ROWS}`;
  try {
    const rows = await sql.begin("read only", async (tx) => {
      await tx.unsafe(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
      // Reconciliations group millions of source rows; enough memory keeps that hashing in RAM.
      await tx.unsafe("set local work_mem = '256MB'");
      return tx.unsafe(probe);
    });
    const failingCount = rows.length > 0 ? Number(rows[0].__failing_count) : 0;
    return {
      ...test,
      sql: failingSql,
      passed: failingCount === 0,
      failingCount,
      failingRows: rows.map(jsonSafe),
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...test,
      sql: failingSql,
      passed: false,
      failingCount: 0,
      failingRows: [],
      ms: Math.round(performance.now() - started),
      error: message,
    };
  }
}
