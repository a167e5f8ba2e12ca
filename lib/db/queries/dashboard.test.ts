import { describe, expect, it } from "vitest";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";

useMigratedAppDatabase();

describe("the dashboard's figures", () => {
  it("counts the runs a user may see by day and status, their durations, and the tests that failed in each run's last round", async () => {
    const { getSql } = await import("@/lib/db");
    const { getDashboard } = await import("./dashboard");
    const sql = getSql();
    const [ada, bob] =
      await sql`insert into datamorph.users (email, name, password_hash) values ('ada@example.com', 'Ada', 'x'), ('bob@example.com', 'Bob', 'x') returning id`;
    const run = async (user: string, status: string, daysAgo: number, seconds: number | null) => {
      const [row] = await sql`
        insert into datamorph.runs (user_id, prompt, status, created_at, started_at, finished_at)
        values (${user}, 'p', ${status}, now() - make_interval(days => ${daysAgo}), now() - make_interval(days => ${daysAgo}),
                now() - make_interval(days => ${daysAgo}) + make_interval(secs => ${seconds}::int))
        returning id`;
      return row.id as string;
    };
    const tested = async (runId: string, seq: number, passed: boolean[]) => {
      await sql`insert into datamorph.run_events (run_id, seq, agent, level, message, payload)
                values (${runId}, ${seq}, 'validator', 'info', 'tests', ${JSON.stringify({ results: passed.map((p, i) => ({ name: `t${i}`, passed: p })) })}::jsonb)`;
    };
    const repaired = await run(ada.id, "succeeded", 0, 2);
    await tested(repaired, 1, [true, false, false]);
    await tested(repaired, 2, [true, true, true]); // the repair made every test pass
    const broken = await run(ada.id, "failed", 0, 4);
    await tested(broken, 1, [false, true]);
    await run(ada.id, "succeeded", 2, 6);
    await run(ada.id, "running", 0, null);
    await run(ada.id, "succeeded", 40, 1); // outside the window
    await run(bob.id, "failed", 0, 100);

    const mine = await getDashboard({ userId: ada.id, isAdmin: false, days: 30 });
    expect(mine.runsPerDay).toHaveLength(30);
    expect(mine.runsPerDay.at(-1)).toMatchObject({ succeeded: 1, failed: 1, other: 1 });
    expect(mine.runsPerDay.at(-3)).toMatchObject({ succeeded: 1, failed: 0 });
    expect(mine.totals).toMatchObject({ runs: 4, finished: 3, succeeded: 2, medianMs: 4000 });
    expect(mine.durations.at(-1)).toMatchObject({ runs: 2, medianMs: 3000 });
    expect(mine.tests.at(-1)).toEqual({ day: mine.runsPerDay.at(-1)!.day, tests: 5, failed: 1, runsWithFailures: 1 });

    const everyone = await getDashboard({ userId: ada.id, isAdmin: true, days: 30 });
    expect(everyone.totals.runs).toBe(5);
    expect(everyone.runsPerDay.at(-1)).toMatchObject({ failed: 2 });
  });
});
