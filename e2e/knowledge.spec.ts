import { expect, test, type Page } from "@playwright/test";
import { signUpInNewContext } from "./accounts";
import { KnowledgePage } from "./pages/knowledge-page";
import { checkEveryLook } from "./screen-check";
import { serverActionIds } from "./server-actions";
import { connectWarehouse } from "./warehouse";

// "revenue per month" reads two ways on the demo shop (orders or payments), so its run asks; a
// remembered answer becomes an entry of the Knowledge page. Approved entries change how everyone's
// requests are read, so this file deletes what it made, through the page and once more at the end.

test.describe.configure({ mode: "serial" });

const member = { name: "Kim Member", email: "kim@example.com", password: "kim's long secret" };
const EXAMPLES = ["payments per payment method (kim's first)", "orders per customer (kim's second)"];
let memberPage: Page;
let memberRun: string;

test.beforeAll(async ({ browser }) => {
  memberPage = (await signUpInNewContext(browser, member)).page;
});

test.afterAll(async () => {
  await memberPage?.context().close();
  const sql = connectWarehouse();
  try {
    await sql`delete from datamorph.knowledge where phrase ilike '%revenue%'`;
    await sql`delete from datamorph.verified_examples where prompt in ${sql(EXAMPLES)}`;
  } finally {
    await sql.end();
  }
});

/** Calls a server action of the Knowledge page directly, as a script with the user's cookie could. */
async function callAction(page: Page, name: string, fields: Record<string, string>): Promise<string> {
  const actionId = serverActionIds().get(`app/(app)/knowledge/actions.ts#${name}`);
  expect(actionId, `${name} is in the build`).toBeDefined();
  // React's encoding of the action's arguments, (previous state, the form's fields): the fields
  // first, then the root that refers to them, as the browser sends it.
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.append("0", '[null,"$K1"]');
  const response = await page.request.post("/knowledge", {
    headers: { "Next-Action": actionId!, Origin: new URL(page.url()).origin },
    multipart: form,
  });
  expect(response.status()).toBe(200);
  return response.text();
}

async function knowledgeRow(phrase: string) {
  const sql = connectWarehouse();
  try {
    const [row] = await sql`select id, approved, meaning, phrase from datamorph.knowledge where phrase = ${phrase}`;
    return row;
  } finally {
    await sql.end();
  }
}

test("a member's remembered answer is theirs until an administrator approves it; its uses are counted", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const theirs = new KnowledgePage(memberPage);
  memberRun = await theirs.askAndRemember("revenue per month", /^payments\.amount/);
  await theirs.open();
  const entry = theirs.entry("revenue");
  await expect(entry).toContainText("payments.amount");
  await expect(entry).toContainText("Reading");
  await expect(entry).toContainText("Only you — pending approval");
  await expect(entry).toContainText(member.email);
  await expect(entry.locator("td.num")).toHaveText("0");
  await expect(entry.getByRole("link", { name: memberRun.slice(0, 8) })).toHaveAttribute("href", `/runs/${memberRun}`);
  await expect(entry.getByRole("button", { name: /^Delete/ })).toBeVisible();
  await expect(entry.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expect(entry.getByText("Edit")).toHaveCount(0);

  // The page offers a member no approval; the action itself refuses one too, changing nothing.
  const { id } = await knowledgeRow("revenue");
  expect(await callAction(memberPage, "approveKnowledgeAction", { id })).toContain(
    "Only an administrator can approve knowledge. Nothing was changed.",
  );
  expect(
    await callAction(memberPage, "editKnowledgeAction", { id, phrase: "sales", meaning: "orders.amount" }),
  ).toContain("Only an administrator can edit knowledge.");
  expect((await knowledgeRow("revenue")).approved).toBe(false);

  const ours = new KnowledgePage(page);
  await ours.open();
  const pending = ours.entry("revenue");
  await expect(pending).toContainText(`Only ${member.email} — pending approval`);
  await ours.press(pending, /^Approve/);
  await expect(pending).toContainText("Everyone");
  await expect(pending.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  // Approved, it is no longer the member's to withdraw.
  await memberPage.reload();
  await expect(theirs.entry("revenue").getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  // Now the administrator's same request is read as the member confirmed, without a question.
  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill("revenue per month");
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`read "revenue" as payments.amount, as ${member.email} saved it`)).toBeVisible();
  await ours.open();
  await expect(ours.entry("revenue").locator("td.num")).toHaveText("1");
  await checkEveryLook(page, "knowledge-entries");
});

test("an administrator edits an entry, a meaning no question offers is refused, and deletes it", async ({ page }) => {
  const ours = new KnowledgePage(page);
  await ours.open();
  const entry = ours.entry("revenue");
  await entry.getByText("Edit").click();
  const meaning = entry.getByLabel("Meaning");
  await meaning.fill("payments.tip");
  await ours.press(entry, "Save");
  await expect(entry.getByRole("alert")).toHaveText('The table payments has no column "tip".');
  await meaning.fill("the money we made");
  await ours.press(entry, "Save");
  await expect(entry.getByRole("alert")).toContainText("must be a choice as a question shows it");
  expect(await knowledgeRow("revenue")).toMatchObject({ meaning: "payments.amount" });

  await entry.getByLabel("Words").fill("total revenue");
  await meaning.fill("orders.amount");
  await ours.press(entry, "Save");
  const edited = ours.entry("total revenue");
  await expect(edited).toContainText("orders.amount");
  expect(await knowledgeRow("total revenue")).toMatchObject({ meaning: "orders.amount", approved: true });

  await ours.press(edited, /^Delete/);
  await expect(edited).toHaveCount(0);
  await expect(page.getByText("No knowledge yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Describe a table" })).toHaveAttribute("href", "/");
});

test("verified examples: a member withdraws their pending one; an administrator approves and deletes", async ({
  page,
}) => {
  const sql = connectWarehouse();
  try {
    // Marking a run as verified is not on the run page yet, so the examples are put in place here.
    const [kim] = await sql`select id from datamorph.users where email = ${member.email}`;
    for (const prompt of EXAMPLES)
      await sql`insert into datamorph.verified_examples (warehouse, prompt, spec, created_by, run_id)
        values ('public', ${prompt}, '{}', ${kim.id}, ${memberRun})`;
  } finally {
    await sql.end();
  }
  const theirs = new KnowledgePage(memberPage);
  await theirs.open();
  const first = theirs.example(EXAMPLES[0]);
  await expect(first).toContainText("Only you — pending approval");
  await expect(first.getByRole("link", { name: memberRun.slice(0, 8) })).toHaveAttribute("href", `/runs/${memberRun}`);
  await expect(first.locator("td.num")).toHaveText("0");
  await theirs.press(first, /^Delete/);
  await expect(first).toHaveCount(0);

  const ours = new KnowledgePage(page);
  await ours.open();
  const second = ours.example(EXAMPLES[1]);
  await expect(second).toContainText(`Only ${member.email} — pending approval`);
  await ours.press(second, /^Approve/);
  await expect(second).toContainText("Everyone");
  await ours.press(second, /^Delete/);
  await expect(second).toHaveCount(0);
  await expect(page.getByText("No verified examples yet.")).toBeVisible();
});
