import { createHash, randomBytes } from "node:crypto";
import { expect, type Browser } from "@playwright/test";
import { admin } from "./accounts";
import { connectWarehouse } from "./warehouse";

// The screens the page checks visit, and the runs and pipeline they show (every-page.spec.ts makes
// them through the UI before screens.spec.ts looks at them).

export const SEED = "Join customers and orders on customer_id, calculate total order amount per customer";
/** A filter that matches nothing: the run publishes an empty table and its not_empty test warns. */
export const EMPTY = "orders with amount over 1000000";
export const AVERAGE = "average payment amount per payment method";
/** Started with "Review the plan first": it stays in review, for the review screen. */
export const REVIEW = "number of orders per customer with status shipped";

export async function runIdOf(prompt: string): Promise<string> {
  const sql = connectWarehouse();
  try {
    // The admin's own run: an evaluation runs some of the same prompts as the command line's user.
    const [run] = await sql`
      select r.id from datamorph.runs r join datamorph.users u on u.id = r.user_id
      where r.prompt = ${prompt} and u.email = ${admin.email} order by r.created_at desc limit 1`;
    expect(run, `a run of "${prompt}" exists (every-page.spec.ts makes it)`).toBeDefined();
    return run.id as string;
  } finally {
    await sql.end();
  }
}

export const PIPELINE = "Screens order totals";

export async function pipelineIdOf(name: string): Promise<string> {
  const sql = connectWarehouse();
  try {
    const [pipeline] = await sql`select id from datamorph.pipelines where name = ${name}`;
    expect(pipeline, `the pipeline "${name}" exists (every-page.spec.ts saves it)`).toBeDefined();
    return pipeline.id as string;
  } finally {
    await sql.end();
  }
}

export async function signedOut(browser: Browser) {
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

export type Screen = { name: string; pattern: string; signedIn: boolean; url: () => Promise<string> };
const at = (url: string) => async () => url;
const run = (prompt: string) => async () => `/runs/${await runIdOf(prompt)}`;

export const screens: Screen[] = [
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
