import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { stopEmbeddedPostgres } from "@/lib/db/embedded";
import { e2eAccessCode } from "../playwright.config";
import { admin } from "./accounts";
import { AuthPages } from "./pages/auth-pages";
import { isListening, listProcesses } from "./processes";

// On the demo shop both orders and payments hold a money column, so "revenue per month" reads
// two ways: the planner asks which, on the run page, and builds what the answer chose. The answer
// is saved as knowledge of the warehouse, for everyone, so this spec starts a copy of the app of its
// own (own data folder and ports; it reuses the build the test server made) to keep it from the others.

// Its ports sit well above the test server's, clear of the spare ports and of checkouts beside this one.
const port = Number(process.env.PW_PORT ?? 3100) + 60;
const pgPort = 54392 + (port - 3100);
const dataDir = path.resolve(`.data/e2e-${port}-ask`);
const baseURL = `http://127.0.0.1:${port}`;
let app: ChildProcess | undefined;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false }).catch(() => false);
  rmSync(dataDir, { recursive: true, force: true });
  // Health must come from this copy, not from another app on the same ports.
  expect(await isListening(port), `port ${port} is free`).toBe(false);
  expect(await isListening(pgPort), `port ${pgPort} is free`).toBe(false);
  app = spawn("npm", ["start"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      DATAMORPH_PG_PORT: String(pgPort),
      DATAMORPH_DATA_DIR: dataDir,
      DATAMORPH_ACCESS_CODE: e2eAccessCode,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  app.stdout!.on("data", (chunk) => (output += chunk));
  app.stderr!.on("data", (chunk) => (output += chunk));
  await expect
    .poll(async () => (await fetch(`${baseURL}/api/health`).catch(() => null))?.status, {
      timeout: 200_000,
      intervals: [500],
      message: `npm start answered health; its output:\n${output}`,
    })
    .toBe(200);
});

test.afterAll(async () => {
  const pid = app?.pid;
  if (pid && listProcesses().some((p) => p.pgid === pid)) {
    process.kill(-pid, "SIGTERM");
    await expect
      .poll(() => listProcesses().some((p) => p.pgid === pid), { timeout: 30_000 })
      .toBe(false)
      .catch(() => process.kill(-pid, "SIGKILL"));
  }
  await stopEmbeddedPostgres(dataDir, { onlyIfIdle: false }).catch(() => false);
  rmSync(dataDir, { recursive: true, force: true });
});

test("an ambiguous request asks on the run page; answering from the keyboard builds the chosen table, and a saved answer is not asked again", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/setup");
  await new AuthPages(page).fill({ "Your name": admin.name, Email: admin.email, Password: admin.password });
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(admin.email);

  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill("revenue per month");
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);

  const card = page.getByTestId("question-card");
  await expect(card).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("needs input");
  await expect(page.getByTestId("event").filter({ hasText: "Needs your answer" })).toBeVisible();
  const question = card.getByRole("group", { name: /"revenue" can be read in 2 ways/ });
  await expect(question.getByRole("radio")).toHaveCount(3);
  const orders = question.getByRole("radio", {
    name: /^orders\.amount total orders\.amount per month of orders\.order_date/,
  });
  const payments = question.getByRole("radio", {
    name: /^payments\.amount total payments\.amount per month of payments\.paid_at/,
  });
  await expect(orders).toBeChecked();
  await expect(question.getByRole("radio", { name: /None of these — rephrase/ })).not.toBeChecked();
  await page.screenshot({ path: "e2e/.output/ask-question.png", fullPage: true });
  // On a phone the card fits the screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "e2e/.output/ask-question-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The same answers over the API: bad input is refused with a clear 4xx and the run keeps waiting.
  const runId = page.url().split("/").pop()!;
  const answersUrl = `/api/runs/${runId}/answers`;
  const headers = { Origin: baseURL };
  const post = async (data: unknown, extra: Record<string, string> = {}) => {
    const response = await page.request.post(answersUrl, {
      headers: { ...headers, ...extra },
      data: typeof data === "string" ? data : JSON.stringify(data),
    });
    return [response.status(), ((await response.json()) as { error?: { message: string } }).error?.message ?? ""];
  };
  expect(await post({ answers: { q00000000: "c1" } }, { "Content-Type": "application/json" })).toEqual([
    400,
    expect.stringMatching(/asks no question "q00000000"/),
  ]);
  expect(await post({ answers: {} }, { "Content-Type": "application/json" })).toEqual([
    400,
    expect.stringMatching(/Answer at least one question/),
  ]);
  expect(await post('{ "answers": { "q00000000": "c1" } }', { "Content-Type": "text/plain" })).toEqual([
    415,
    expect.stringMatching(/JSON/),
  ]);
  await expect(card).toBeVisible();

  await orders.focus();
  await page.keyboard.press("ArrowDown");
  await expect(payments).toBeChecked();
  await page.keyboard.press("Tab");
  const remember = card.getByRole("checkbox", { name: /Remember my answer for this warehouse/ });
  await expect(remember).toBeFocused();
  await page.keyboard.press("Space");
  await expect(remember).toBeChecked();
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("event").filter({ hasText: 'Answered: "revenue" → payments.amount' })).toBeVisible();
  await expect(
    page
      .getByTestId("event")
      .filter({ hasText: 'Saved as knowledge of this warehouse, for everyone: "revenue" means payments.amount' }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  expect(await post({ answers: { q00000000: "c1" } }, { "Content-Type": "application/json" })).toEqual([
    409,
    expect.stringMatching(/not waiting for answers/),
  ]);

  const state = JSON.parse(readFileSync(path.join(dataDir, "embedded.json"), "utf8"));
  const sql = postgres({
    host: "127.0.0.1",
    port: state.port,
    user: state.user,
    password: state.password,
    database: state.database,
    max: 1,
    onnotice: () => {},
  });
  try {
    const [run] = await sql`select status, target_schema, target_table from datamorph.runs where id = ${runId}`;
    expect(run.status).toBe("succeeded");
    const built = await sql.unsafe(
      `select month::date::text as month, total_amount::numeric::text as total from "${run.target_schema}"."${run.target_table}" order by 1`,
    );
    const expected =
      await sql`select date_trunc('month', paid_at)::date::text as month, sum(amount)::numeric::text as total from public.payments group by 1 order by 1`;
    expect(built).toEqual(expected);
    await expect(page.getByTestId("preview")).toContainText(`of ${expected.length}`);

    // The same request again builds at once: the saved answer reads "revenue", nothing is asked.
    await page.goto("/");
    await page.getByLabel("Describe the table you want").fill("revenue per month");
    await page.getByRole("button", { name: "Build table" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toContain(runId);
    await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId("event").filter({ hasText: "Needs your answer" })).toHaveCount(0);
    await expect(page.getByTestId("question-card")).toHaveCount(0);
    await expect(
      page.getByText(/read "revenue" as payments\.amount, as ada@example\.com saved it from run/),
    ).toBeVisible();
    const [again] = await sql`select target_table from datamorph.runs where id = ${page.url().split("/").pop()!}`;
    expect(
      await sql.unsafe(
        `select month::date::text as month, total_amount::numeric::text as total from "public"."${again.target_table}" order by 1`,
      ),
    ).toEqual(expected);
    const [entry] =
      await sql`select k.phrase, k.meaning, k.approved, k.use_count, k.run_id, u.email from datamorph.knowledge k join datamorph.users u on u.id = k.created_by`;
    expect(entry).toEqual({
      phrase: "revenue",
      meaning: "payments.amount",
      approved: true,
      use_count: 1,
      run_id: runId,
      email: admin.email,
    });
  } finally {
    await sql.end();
    await context.close();
  }
});
