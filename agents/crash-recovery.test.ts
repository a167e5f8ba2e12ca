import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverAbandonedRuns } from "@/lib/runs/liveness";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";

// A run whose process is killed while it builds must leave the published table exactly as it
// was, and the next start must mark the run interrupted and clean up after it.
describe("a run killed mid-build", () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0], { demo: false });
    // Big enough that building the table takes a while.
    await h.sql`create table clicks as select (i % 400000) as user_id, (i % 97)::numeric as amount from generate_series(1, 2000000) as i`;
    await h.sql`analyze clicks`;
    // The version a previous run published: one recognisable row.
    await h.sql`create table user_clicks (user_id integer, total_amount numeric)`;
    await h.sql`insert into user_clicks values (-1, 42)`;
    // Published by the command line's account, so a command-line run may replace it.
    const [cli] =
      await h.sql`insert into datamorph.users (email, name, password_hash) values ('cli@datamorph.local', 'Command line', '!') returning id`;
    await h.sql`insert into datamorph.runs (user_id, prompt, status, target_schema, target_table, finished_at)
                values (${cli.id}, 'earlier run', 'succeeded', 'public', 'user_clicks', now())`;
  });
  afterAll(async () => h?.close());

  it("leaves the target unchanged and is marked interrupted on the next start", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "cli/main.ts",
        "run",
        "Calculate total amount per user_id from clicks",
        "--target",
        "user_clicks",
        "--replace",
      ],
      {
        env: { ...process.env, DATABASE_URL: h.url },
        stdio: "ignore",
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    let runId: string | undefined;
    // The CLI starts cold (its modules load first), which on a busy machine takes a while.
    for (const deadline = Date.now() + 90_000; !runId && Date.now() < deadline; ) {
      const [building] =
        await h.sql`select run_id from datamorph.run_events where agent = 'executor' and message like 'Building%' limit 1`;
      runId = building?.run_id;
      if (!runId) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(runId, "the run reached the build").toBeDefined();
    child.kill("SIGKILL");
    await exited;

    const [stale] = await h.sql`select status from datamorph.runs where id = ${runId!}`;
    expect(stale.status).toBe("running");
    expect(await h.sql`select * from user_clicks`).toEqual([{ user_id: -1, total_amount: "42" }]);

    const recovered = await recoverAbandonedRuns(h.sql, "public");
    expect(recovered).toEqual([runId]);
    const [after] = await h.sql`select status, error from datamorph.runs where id = ${runId!}`;
    expect(after.status).toBe("interrupted");
    expect(after.error).toMatch(/interrupted.*left unchanged/);
    expect((await h.tables()).filter((t) => t.includes("__shadow_"))).toEqual([]);
    expect(await h.sql`select * from user_clicks`).toEqual([{ user_id: -1, total_amount: "42" }]);
  });

  it("does not interrupt a run whose process is still alive", async () => {
    const [run] =
      await h.sql`insert into datamorph.runs (user_id, prompt, status) select id, 'in progress', 'running' from datamorph.users limit 1 returning id`;
    const [{ createLivenessClient }, { holdRunLock, tryHoldRunLock }] = await Promise.all([
      import("@/lib/db/liveness-client"),
      import("@/lib/runs/liveness"),
    ]);
    const [locks, otherProcess] = [createLivenessClient(h.url), createLivenessClient(h.url)];
    const release = await holdRunLock(locks, run.id);
    try {
      expect(await recoverAbandonedRuns(h.sql, "public")).toEqual([]);
      // A second delivery of the same run, in another process, finds it taken and backs off at once.
      expect(await tryHoldRunLock(otherProcess, run.id)).toBeNull();
    } finally {
      await release();
      await Promise.all([locks.end(), otherProcess.end()]);
    }
    expect(await recoverAbandonedRuns(h.sql, "public")).toEqual([run.id]);
  });
});
