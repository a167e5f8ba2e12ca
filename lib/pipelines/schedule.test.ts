import { describe, expect, it, vi } from "vitest";
import { runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

type Json = Record<string, any>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const EVERY_2S = "*/2 * * * * *";

describe("pipeline schedules, fired by two scheduler processes", () => {
  const database = useCliDatabase({ demo: true });
  const cli = (args: string[]) => runCliJson<Json>(args, database.url);
  const firings = async () =>
    database.sql<{ scheduled_for: Date; kind: string; outcome: string; run_id: string | null; fired_by: string }[]>`
      select f.scheduled_for, f.kind, f.outcome, f.run_id, f.fired_by from datamorph.pipeline_firings f
      join datamorph.pipelines p on p.id = f.pipeline_id where p.name = 'Status counts' order by f.scheduled_for`;
  const scheduledRuns = async () =>
    database.sql<{ id: string; status: string; trigger: string; started_at: Date; finished_at: Date }[]>`
      select r.id, r.status, r.trigger, r.started_at, r.finished_at from datamorph.runs r
      join datamorph.pipelines p on p.id = r.pipeline_id where p.name = 'Status counts' and r.trigger = 'schedule' order by r.started_at`;

  it("fires every 2 seconds exactly once across two processes, hands over when one stops, and never overlaps a run", async () => {
    const first = await cli(["run", "number of orders per status", "--target", "status_counts", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const saved = await cli(["pipeline", "save", first.json!.runId, "--name", "Status counts"]);
    expect(saved.code, saved.stderr).toBe(0);
    const scheduled = await cli([
      "pipeline",
      "schedule",
      "Status counts",
      "--cron",
      EVERY_2S,
      "--tz",
      "Europe/Berlin",
      "--json",
    ]);
    expect(scheduled.code, scheduled.stderr).toBe(0);
    expect(scheduled.json).toMatchObject({ cron: EVERY_2S, timezone: "Europe/Berlin", catchUp: "run_once" });

    // Two processes at once: the second starts once the first fires (however slowly each starts),
    // stands by while the first holds the lease, and takes over when the first stops.
    // The leader lives long enough for the second to start beside it even on a busy machine, where
    // starting a command takes seconds.
    const leader = cli(["pipeline", "scheduler", "--for", "25", "--json"]);
    await vi.waitFor(async () => expect((await firings()).length).toBeGreaterThan(0), {
      timeout: 60_000,
      interval: 250,
    });
    const [a, b] = await Promise.all([leader, cli(["pipeline", "scheduler", "--for", "33", "--json"])]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(`${a.stderr}${b.stderr}`).toMatch(/stands by/);

    const fired = await firings();
    // The schedulers take a few seconds to start: what fell due before that fires once, as a catch-up.
    const [early, ...onTime] = fired;
    expect(early.outcome).toBe("started");
    const times = onTime.map((f) => new Date(f.scheduled_for).getTime());
    expect(onTime.length).toBeGreaterThanOrEqual(4);
    // One firing per 2-second mark from the first to the last: none doubled, none lost, even across the handover.
    expect(times.slice(1).map((t, i) => t - times[i])).toEqual(Array(times.length - 1).fill(2000));
    expect(new Set(fired.map((f) => f.fired_by)).size).toBe(2);
    expect(onTime.every((f) => f.kind === "schedule" && ["started", "skipped_running"].includes(f.outcome))).toBe(true);

    const runs = await scheduledRuns();
    expect(runs.map((r) => r.id).sort()).toEqual(
      fired
        .filter((f) => f.outcome === "started")
        .map((f) => f.run_id)
        .sort(),
    );
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);
    for (let i = 1; i < runs.length; i++)
      expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(
        new Date(runs[i - 1].finished_at).getTime(),
      );
    expect(new Set([...a.json!.runs, ...b.json!.runs]).size).toBe(runs.length);
  }, 180_000);

  it("runs the firings missed while no scheduler ran once on start, then goes on", async () => {
    const before = (await firings()).length;
    await sleep(5000); // at least two firings pass with no scheduler
    const restarted = await cli(["pipeline", "scheduler", "--for", "6"]);
    expect(restarted.code, restarted.stderr).toBe(0);
    const after = (await firings()).slice(before);
    expect(after[0]).toMatchObject({ kind: "catch_up", outcome: "started" });
    expect(after.slice(1).every((f) => f.kind === "schedule")).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(2);
    const history = await cli(["pipeline", "history", "Status counts", "--json"]);
    expect(history.json!.runs.filter((r: Json) => r.trigger === "schedule").length).toBe(
      (await scheduledRuns()).length,
    );
  }, 120_000);

  it("skips missed firings when the pipeline says so, and fires nothing while paused", async () => {
    const set = await cli(["pipeline", "schedule", "Status counts", "--cron", EVERY_2S, "--catch-up", "skip"]);
    expect(set.code, set.stderr).toBe(0);
    await sleep(5000);
    const before = (await firings()).length;
    const runsBefore = (await scheduledRuns()).length;
    await cli(["pipeline", "scheduler", "--for", "3"]);
    const after = (await firings()).slice(before);
    expect(after[0]).toMatchObject({ kind: "catch_up", outcome: "skipped_missed", run_id: null });

    const paused = await cli(["pipeline", "schedule", "Status counts", "--pause"]);
    expect(paused.code, paused.stderr).toBe(0);
    const count = (await firings()).length;
    const runsWhilePaused = (await scheduledRuns()).length;
    await cli(["pipeline", "scheduler", "--for", "4"]);
    expect((await firings()).length).toBe(count);
    expect((await scheduledRuns()).length).toBe(runsWhilePaused);
    expect(runsWhilePaused).toBeGreaterThanOrEqual(runsBefore);

    const refused = await Promise.all([
      cli(["pipeline", "schedule", "Status counts", "--cron", "61 * * * *"]),
      cli(["pipeline", "schedule", "Status counts", "--cron", "0 6 * * *", "--tz", "Mars/Olympus"]),
      cli(["pipeline", "schedule", "Status counts", "--pause", "--resume"]),
    ]);
    expect(refused.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(refused[0].stderr).toContain('"61 * * * *" is not a cron expression DataMorph can read');
    expect(refused[1].stderr).toContain('Unknown time zone "Mars/Olympus"');
  }, 120_000);
});

describe("pipeline backfill", () => {
  const database = useCliDatabase({ demo: true });
  const cli = (args: string[]) => runCliJson<Json>(args, database.url);
  const byHand = (from: string, to: string) =>
    `select order_date, count(*) from orders where order_date >= '${from}' and order_date < '${to}' group by 1`;
  const differingRows = async (table: string, select: string) => {
    const [row] = await database.sql.unsafe(
      `select count(*)::int as n from ((select * from ${table} except all ${select}) union all (${select} except all select * from ${table})) d`,
    );
    return row.n as number;
  };

  it("runs one period after another, in order, each table right; and stops at the first failure", async () => {
    const first = await cli(["run", "number of orders per day in January 2024", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const saved = await cli([
      "pipeline",
      "save",
      first.json!.runId,
      "--name",
      "Daily orders",
      "--param",
      "month=date:2024-01-01",
      "--target",
      "daily_orders_{{month}}",
      "--json",
    ]);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.json!.parameters).toEqual([{ name: "month", type: "date", default: "2024-01-01" }]);

    const backfill = await cli([
      "pipeline",
      "backfill",
      "Daily orders",
      "--param",
      "month=2024-01-01..2024-03-01",
      "--every",
      "month",
      "--json",
    ]);
    expect(backfill.code, backfill.stderr).toBe(0);
    expect(backfill.json).toMatchObject({
      parameter: "month",
      every: "month",
      periods: ["2024-01-01", "2024-02-01", "2024-03-01"],
      complete: true,
    });
    expect(backfill.json!.runs.map((r: Json) => [r.value, r.status])).toEqual([
      ["2024-01-01", "succeeded"],
      ["2024-02-01", "succeeded"],
      ["2024-03-01", "succeeded"],
    ]);
    const runs =
      await database.sql`select id, parameters, trigger, started_at, finished_at from datamorph.runs where trigger = 'backfill' order by created_at`;
    expect(runs.map((r) => r.id)).toEqual(backfill.json!.runs.map((r: Json) => r.runId));
    expect(runs.map((r) => r.parameters.month)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    for (let i = 1; i < runs.length; i++)
      expect(new Date(runs[i].started_at).getTime()).toBeGreaterThanOrEqual(
        new Date(runs[i - 1].finished_at).getTime(),
      );
    expect(await differingRows("daily_orders_2024_01_01", byHand("2024-01-01", "2024-02-01"))).toBe(0);
    expect(await differingRows("daily_orders_2024_02_01", byHand("2024-02-01", "2024-03-01"))).toBe(0);
    expect(await differingRows("daily_orders_2024_03_01", byHand("2024-03-01", "2024-04-01"))).toBe(0);
    expect((await database.sql`select count(*)::int as n from daily_orders_2024_02_01`)[0].n).toBe(29);

    // A table DataMorph did not make stands where May's would go: the backfill stops there.
    await database.sql`create table daily_orders_2024_05_01 (note text)`;
    const stopped = await cli([
      "pipeline",
      "backfill",
      "Daily orders",
      "--param",
      "month=2024-04-01..2024-06-01",
      "--every",
      "month",
      "--json",
    ]);
    expect(stopped.code).toBe(1);
    expect(stopped.json!.runs.map((r: Json) => [r.value, r.status])).toEqual([
      ["2024-04-01", "succeeded"],
      ["2024-05-01", "rejected"],
    ]);
    expect(stopped.json!.runs[1].error).toContain(
      "public.daily_orders_2024_05_01 already exists and was not created by DataMorph",
    );
    expect(stopped.json!.complete).toBe(false);
    const tables = (
      await database.sql`select table_name from information_schema.tables where table_name like 'daily_orders_2024_0%' order by 1`
    ).map((t) => t.table_name);
    expect(tables).toEqual([
      "daily_orders_2024_01_01",
      "daily_orders_2024_02_01",
      "daily_orders_2024_03_01",
      "daily_orders_2024_04_01",
      "daily_orders_2024_05_01",
    ]);

    const refused = await Promise.all([
      cli(["pipeline", "backfill", "Daily orders", "--param", "month=2024-03-01..2024-01-01", "--every", "month"]),
      cli(["pipeline", "backfill", "Daily orders", "--param", "month=2024-01-01..2024-03-01", "--every", "fortnight"]),
      cli(["pipeline", "backfill", "Daily orders", "--param", "day=2024-01-01..2024-03-01", "--every", "day"]),
    ]);
    expect(refused.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(refused[0].stderr).toContain("The range 2024-03-01..2024-01-01 ends before it starts.");
    expect(refused[1].stderr).toContain("--every must be day, week or month.");
    expect(refused[2].stderr).toContain('Pipeline "Daily orders" has no parameter day.');
  }, 240_000);
});
