import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";
import { admin } from "./accounts";
import { listPages } from "./app-inventory";
import { checkEveryLook, controlsMissedByTab, sidewaysScroll } from "./screen-check";
import { connectWarehouse } from "./warehouse";

// Every page, as a phone and a laptop show it, in light and dark: no sideways scroll, no serious
// accessibility violation, a screenshot of each in e2e/.output/screens/. The first tests arrange
// what the pages show (runs, an evaluation) through the UI and check the defects found on them.

const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
/** A filter that matches nothing: the run publishes an empty table and its not_empty test warns. */
const EMPTY = "orders with amount over 1000000";
const AVERAGE = "average payment amount per payment method";
/** Started with "Review the plan first": it stays in review, for the review screen. */
const REVIEW = "number of orders per customer with status shipped";

async function runIdOf(prompt: string): Promise<string> {
  const sql = connectWarehouse();
  try {
    // The admin's own run: an evaluation runs some of the same prompts as the command line's user.
    const [run] = await sql`
      select r.id from datamorph.runs r join datamorph.users u on u.id = r.user_id
      where r.prompt = ${prompt} and u.email = ${admin.email} order by r.created_at desc limit 1`;
    expect(run, `a run of "${prompt}" exists (the first tests of this file make it)`).toBeDefined();
    return run.id as string;
  } finally {
    await sql.end();
  }
}

const PIPELINE = "Screens order totals";

async function pipelineIdOf(name: string): Promise<string> {
  const sql = connectWarehouse();
  try {
    const [pipeline] = await sql`select id from datamorph.pipelines where name = ${name}`;
    expect(pipeline, `the pipeline "${name}" exists (the first test of this file saves it)`).toBeDefined();
    return pipeline.id as string;
  } finally {
    await sql.end();
  }
}

/** Fills the request and names its table, so the tables of other specs' runs keep their names. */
async function askFor(page: Page, prompt: string, target: string) {
  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill(prompt);
  await page.getByLabel("Target table (optional)").fill(target);
}

async function waitForEnd(page: Page) {
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("event").filter({ hasText: /Run succeeded|Rejected|Failed/ })).toBeVisible({
    timeout: 45_000,
  });
}

test("Ctrl+Enter in the prompt starts a run, whose header follows its timeline to the end", async ({ page }) => {
  await askFor(page, SEED, "screens_order_totals");
  await page.getByLabel("Describe the table you want").press("Control+Enter");
  await waitForEnd(page);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("succeeded");
  // The pipeline screens below show this run saved as a pipeline.
  const saved = await page.request.post("/api/pipelines", { data: { runId: await runIdOf(SEED), name: PIPELINE } });
  expect(saved.status(), await saved.text()).toBe(201);

  // The agent's name and its message sit side by side, never one over the other.
  const first = page.getByTestId("event").filter({ hasText: "Run started" });
  const agent = await first.locator(".agent").boundingBox();
  const message = await first.locator(".message").boundingBox();
  expect(agent!.x + agent!.width).toBeLessThanOrEqual(message!.x);

  // Each code card is as tall as its own code, not stretched to its neighbour's height.
  for (const lang of ["sql", "python"]) {
    const code = page.getByTestId(`code-${lang}`);
    if ((await code.count()) === 0) continue;
    const card = await code.locator("xpath=ancestor::section[1]").boundingBox();
    const block = await code.boundingBox();
    expect(card!.y + card!.height - (block!.y + block!.height), `the ${lang} card ends with its code`).toBeLessThan(40);
  }
});

test("Cmd+Enter starts a run too; the rows that break a data test show as a table", async ({ page }) => {
  await askFor(page, EMPTY, "screens_big_orders");
  await page.getByLabel("Describe the table you want").press("Meta+Enter");
  await waitForEnd(page);
  const failing = page.getByTestId("tests").getByRole("table", { name: /^Rows failing/ });
  await expect(failing.first()).toBeVisible();
  await expect(page.getByTestId("tests")).not.toContainText('{"');
});

test("averages in a run's result show a few decimals, not sixteen", async ({ page }) => {
  await askFor(page, "", "screens_payment_averages");
  await page.getByRole("button", { name: AVERAGE }).click();
  await page.getByRole("button", { name: "Build table" }).click();
  await waitForEnd(page);
  // The result shows once the page has refreshed after the run's end.
  await expect(page.getByTestId("preview").locator("td.num").first()).toBeVisible();
  const cells = await page.getByTestId("preview").locator("td.num").allTextContents();
  for (const cell of cells) expect(cell).toMatch(/^-?[\d,]+(\.\d{1,4})?$/);
});

test("a run started with Review the plan first waits for review with its plan in sentences", async ({ page }) => {
  await askFor(page, REVIEW, "screens_review");
  await page.getByLabel("Review the plan first").check();
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page.getByTestId("plan-editor")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("run-status")).toHaveText("in review");
});

test("the Data page counts the rows of a table published a moment ago", async ({ page }) => {
  await page.goto("/data");
  const row = page.getByTestId("tables").getByRole("row").filter({ hasText: "public.screens_order_totals" });
  await expect(row.locator("td.num")).toHaveText("4,800");
});

test("the Evaluations page's first suggestion works on a fresh install, and case ids stay on one line", async ({
  page,
}) => {
  await page.goto("/evals");
  const empty = page.getByTestId("evals-empty");
  if ((await empty.count()) > 0) {
    const command = (await empty.locator("code").textContent())!.trim();
    const [program, ...args] = command.split(/\s+/);
    const state = JSON.parse(readFileSync(path.join(e2eDataDir, "embedded.json"), "utf8"));
    execFileSync(program, [...args, "--only", "demo-001,demo-003"], {
      env: { ...process.env, DATAMORPH_DATA_DIR: e2eDataDir, DATAMORPH_PG_PORT: String(state.port) },
      stdio: "pipe",
      timeout: 50_000,
    });
    await page.reload();
  }
  await expect(page.getByTestId("eval-runs")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  const ids = await page.locator("td.case-id code").all();
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const box = await id.boundingBox();
    expect(box!.height, `${await id.textContent()} takes one line`).toBeLessThan(24);
  }
});

test("the setup page, once done, offers the way in that fits the visitor", async ({ page, browser }) => {
  await page.goto("/setup");
  await expect(page.getByRole("link", { name: "Go to sign in" })).toHaveCount(0);
  await page.getByRole("main").getByRole("link", { name: "Start building" }).click();
  await expect(page).toHaveURL(/\/$/);

  const { context, page: visitor } = await signedOut(browser);
  await visitor.goto("/setup");
  await visitor.getByRole("main").getByRole("link", { name: "Go to sign in" }).click();
  await expect(visitor).toHaveURL(/\/sign-in$/);
  await context.close();
});

async function signedOut(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

/** The sign-up page of a fresh invite link, made as the Users page makes one (only its hash is stored). */
async function inviteLink(): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const sql = connectWarehouse();
  try {
    await sql`insert into datamorph.invites (token_hash, role, expires_at)
      values (${createHash("sha256").update(token).digest("hex")}, 'member', now() + interval '7 days')`;
  } finally {
    await sql.end();
  }
  return `/sign-up?invite=${token}`;
}

type Screen = { name: string; pattern: string; signedIn: boolean; url: () => Promise<string> };
const at = (url: string) => async () => url;
const run = (prompt: string) => async () => `/runs/${await runIdOf(prompt)}`;

const screens: Screen[] = [
  { name: "home-signed-out", pattern: "/", signedIn: false, url: at("/") },
  { name: "sign-in", pattern: "/sign-in", signedIn: false, url: at("/sign-in") },
  { name: "sign-up", pattern: "/sign-up", signedIn: false, url: at("/sign-up") },
  { name: "sign-up-invite", pattern: "/sign-up", signedIn: false, url: inviteLink },
  { name: "setup-signed-out", pattern: "/setup", signedIn: false, url: at("/setup") },
  { name: "home", pattern: "/", signedIn: true, url: at("/") },
  { name: "setup", pattern: "/setup", signedIn: true, url: at("/setup") },
  { name: "runs", pattern: "/runs", signedIn: true, url: at("/runs") },
  { name: "dashboard", pattern: "/dashboard", signedIn: true, url: at("/dashboard") },
  { name: "run", pattern: "/runs/[id]", signedIn: true, url: run(SEED) },
  { name: "run-warning", pattern: "/runs/[id]", signedIn: true, url: run(EMPTY) },
  { name: "run-average", pattern: "/runs/[id]", signedIn: true, url: run(AVERAGE) },
  { name: "run-review", pattern: "/runs/[id]", signedIn: true, url: run(REVIEW) },
  {
    name: "run-edit-rerun",
    pattern: "/runs/[id]",
    signedIn: true,
    url: async () => `/runs/${await runIdOf(SEED)}?edit`,
  },
  { name: "data", pattern: "/data", signedIn: true, url: at("/data") },
  { name: "data-table", pattern: "/data/[table]", signedIn: true, url: at("/data/orders?schema=public") },
  { name: "data-missing-table", pattern: "/data/[table]", signedIn: true, url: at("/data/no_such_table") },
  { name: "evals", pattern: "/evals", signedIn: true, url: at("/evals") },
  { name: "model", pattern: "/model", signedIn: true, url: at("/model") },
  { name: "knowledge", pattern: "/knowledge", signedIn: true, url: at("/knowledge") },
  { name: "pipelines", pattern: "/pipelines", signedIn: true, url: at("/pipelines") },
  {
    name: "pipeline",
    pattern: "/pipelines/[id]",
    signedIn: true,
    url: async () => `/pipelines/${await pipelineIdOf(PIPELINE)}`,
  },
  { name: "account", pattern: "/account", signedIn: true, url: at("/account") },
  { name: "users", pattern: "/users", signedIn: true, url: at("/users") },
];

test("every page under app/ is among the screens checked below", () => {
  expect([...new Set(screens.map((s) => s.pattern))].sort()).toEqual(listPages());
});

test("every control on every page is reachable with the keyboard", async ({ page, browser }) => {
  // One Tab press per control of every screen: the time grows with the pages, past the default limit.
  test.setTimeout(240_000);
  const { context, page: visitor } = await signedOut(browser);
  for (const screen of screens) {
    const tab = screen.signedIn ? page : visitor;
    await tab.goto(await screen.url());
    expect.soft(await controlsMissedByTab(tab), `${screen.name}: controls Tab never reaches`).toEqual([]);
  }
  await context.close();
});

test("at 360 px, the narrowest phone, no page scrolls sideways", async ({ page, browser }) => {
  const { context, page: visitor } = await signedOut(browser);
  for (const tab of [page, visitor]) await tab.setViewportSize({ width: 360, height: 740 });
  for (const screen of screens) {
    const tab = screen.signedIn ? page : visitor;
    await tab.goto(await screen.url());
    await tab.screenshot({ path: `e2e/.output/screens/${screen.name}-360.png` });
    expect.soft(await sidewaysScroll(tab), `${screen.name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

// Each screen in every look, one after another in the same page (screen-check.ts).
for (const screen of screens) {
  test(`${screen.name} fits the screen and passes axe in every look`, async ({ page, browser }) => {
    const { context, page: visitor } = await signedOut(browser);
    const tab = screen.signedIn ? page : visitor;
    await tab.goto(await screen.url());
    await checkEveryLook(tab, screen.name);
    await context.close();
  });
}
