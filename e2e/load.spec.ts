import { expect, test } from "@playwright/test";
import { pollHealth } from "./health-poller";
import { connectWarehouse } from "./warehouse";

// Thirty people press "Build table" at the same moment. Every run must finish and succeed, the
// ones beyond the run slots must say they are queued, and the app must keep answering meanwhile.

const PROMPT = "Join customers and orders on customer_id, calculate total order amount per customer";
const RUNS = 30;
// DATAMORPH_RUN_CONCURRENCY's default: the e2e server does not set it.
const SLOTS = 4;
const targets = Array.from({ length: RUNS }, (_, i) => `load_order_totals_${i + 1}`);
const slotTargets = Array.from({ length: SLOTS }, (_, i) => `load_slot_totals_${i + 1}`);
const PAYMENTS_PROMPT = "number of payments per payment method";
const paymentsTarget = "load_payment_counts";

test.afterAll(async () => {
  const sql = connectWarehouse();
  try {
    const names = [...targets, ...slotTargets, paymentsTarget]
      .flatMap((t) => [t, `${t}__previous`])
      .map((t) => `public."${t}"`);
    await sql.unsafe(`drop table if exists ${names.join(", ")}`);
  } finally {
    await sql.end();
  }
});

test("30 runs started at once all succeed, the waiting ones say they are queued, and the app stays healthy", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const sql = connectWarehouse();
  const hold = await sql.reserve();
  const health = pollHealth(`${baseURL}/api/health`, { everyMs: 250, timeoutMs: 5_000 });
  let samples: Awaited<ReturnType<typeof health.stop>> = [];
  try {
    // Holding the orders table keeps the first runs building (profiling waits on it), so the
    // queue behind them stays put while the test looks at it.
    await hold`begin`;
    await hold`lock table orders in access exclusive mode`;
    const holdStarted = Date.now();
    const started = await Promise.all(
      targets.map((target) => page.request.post("/api/runs", { data: { prompt: PROMPT, target } })),
    );
    expect(started.map((r) => r.status())).toEqual(targets.map(() => 202));
    const ids = (await Promise.all(started.map((r) => r.json()))).map((body) => body.id as string);

    // As many build as there are run slots; every other one waits, with a "Queued" event that
    // says how many are ahead of it, each its own place in line.
    const statusCounts = async () => {
      const rows = await sql<
        { status: string; n: number }[]
      >`select status, count(*)::int as n from datamorph.runs where id = any(${ids}) group by status`;
      return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
    };
    const queuedEvents = () => sql<{ run_id: string; ahead: number }[]>`
      select run_id, (payload->>'ahead')::int as ahead from datamorph.run_events
      where run_id = any(${ids}) and payload->>'queued' = 'true' and message like 'Queued:%' order by 2`;
    await expect.poll(async () => (await queuedEvents()).length, { timeout: 30_000 }).toBe(RUNS - SLOTS);
    await expect.poll(statusCounts, { timeout: 30_000 }).toEqual({ running: SLOTS, queued: RUNS - SLOTS });
    const queued = await queuedEvents();
    expect(queued.map((e) => e.ahead)).toEqual(queued.map((_, i) => i));

    // The run furthest back: its page says why it has not started.
    const last = queued.at(-1)!;
    await page.goto(`/runs/${last.run_id}`);
    await expect(page.locator(".badge.queued").first()).toBeVisible();
    await expect(page.getByTestId("queued")).toHaveText(
      `Queued: ${SLOTS} run(s) are building and ${last.ahead} more wait ahead of this one; it starts when a slot frees up (${SLOTS} at a time here).`,
    );
    await expect(page.getByTestId("event")).toHaveCount(1);
    await page.screenshot({ path: "e2e/.output/run-queued.png", fullPage: true });
    // The blocked profiles count their wait against the reader login's 30 s statement timeout.
    await hold`commit`;
    test.info().annotations.push({ type: "queue held", description: `${Date.now() - holdStarted} ms` });

    // Meanwhile no more than the run slots build at once, and none is left behind.
    let mostRunning = 0;
    await expect
      .poll(
        async () => {
          const count = await statusCounts();
          mostRunning = Math.max(mostRunning, count.running ?? 0);
          return (count.queued ?? 0) + (count.running ?? 0);
        },
        { timeout: 240_000, intervals: [500] },
      )
      .toBe(0);
    expect(mostRunning).toBeGreaterThan(0);
    expect(mostRunning).toBeLessThanOrEqual(SLOTS);
    const statuses = await sql`select status, error from datamorph.runs where id = any(${ids})`;
    expect(
      statuses.filter((r) => r.status !== "succeeded"),
      "every run succeeded",
    ).toEqual([]);
    const tables =
      await sql`select table_name from information_schema.tables where table_schema = 'public' and table_name = any(${targets})`;
    expect(tables).toHaveLength(RUNS);
    const shadows =
      await sql`select table_name from information_schema.tables where table_name like 'load\\_order\\_totals\\_%\\_\\_shadow\\_%'`;
    expect(shadows, "no shadow table is left behind").toEqual([]);

    // Once it ran, its page took the notice down and shows the success live.
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("queued")).toHaveCount(0);
    await expect(page.locator(".badge.succeeded").first()).toBeVisible();
  } finally {
    await hold`rollback`.catch(() => {});
    hold.release();
    samples = await health.stop();
    await sql.end();
  }
  // Health was asked every ~250 ms for the whole test (how long that is depends on the machine),
  // and every answer was a quick 200.
  const slowest = Math.max(...samples.map((s) => s.ms));
  test.info().annotations.push({ type: "health", description: `${samples.length} answers, slowest ${slowest} ms` });
  expect(samples.length).toBeGreaterThan(8);
  expect(
    samples.filter((s) => s.status !== 200),
    `health answers that were not a 200 within 5 s (slowest ${slowest} ms)`,
  ).toEqual([]);
});

test("a queued run's page shows it waiting, then shows it running once a slot frees up", async ({ page }) => {
  test.setTimeout(180_000);
  const sql = connectWarehouse();
  const orders = await sql.reserve();
  const payments = await sql.reserve();
  try {
    // The slots fill with runs that wait on orders; the next run, on payments, queues behind them,
    // and once it starts it waits on payments long enough to be seen running.
    for (const [hold, table] of [
      [orders, "orders"],
      [payments, "payments"],
    ] as const) {
      await hold`begin`;
      await hold.unsafe(`lock table ${table} in access exclusive mode`);
    }
    const first = await Promise.all(
      slotTargets.map((target) => page.request.post("/api/runs", { data: { prompt: PROMPT, target } })),
    );
    const firstIds = (await Promise.all(first.map((r) => r.json()))).map((body) => body.id as string);
    const statuses = connectWarehouse();
    try {
      await expect
        .poll(
          async () =>
            (
              await statuses`select count(*)::int as n from datamorph.runs where id = any(${firstIds}) and status = 'running'`
            )[0].n,
        )
        .toBe(SLOTS);
    } finally {
      await statuses.end();
    }
    const queued = await page.request.post("/api/runs", { data: { prompt: PAYMENTS_PROMPT, target: paymentsTarget } });
    await page.goto(`/runs/${(await queued.json()).id}`);
    await expect(page.locator(".badge.queued").first()).toBeVisible();
    await expect(page.getByTestId("queued")).toHaveText(
      `Queued: ${SLOTS} run(s) are building; it starts when a slot frees up (${SLOTS} at a time here).`,
    );

    await orders`commit`;
    await expect(page.getByTestId("queued")).toHaveCount(0, { timeout: 60_000 });
    await expect(page.locator(".badge.running").first()).toBeVisible();
    await expect(page.getByTestId("live")).toBeVisible();
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toHaveCount(0);

    await payments`commit`;
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator(".badge.succeeded").first()).toBeVisible();
  } finally {
    for (const hold of [orders, payments]) {
      await hold`rollback`.catch(() => {});
      hold.release();
    }
    await sql.end();
  }
});
