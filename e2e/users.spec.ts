import { expect, test, type Browser } from "@playwright/test";
import { admin, signUpInNewContext } from "./accounts";
import { AuthPages } from "./pages/auth-pages";
import { UsersPage } from "./pages/users-page";
import { connectWarehouse } from "./warehouse";

const ivan = { name: "Ivan Invited", email: "ivan@example.com", password: "ivan's long secret" };

async function signedOutPage(browser: Browser) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return { context, page: await context.newPage() };
}

async function accountOf(email: string) {
  const sql = connectWarehouse();
  try {
    const [row] = await sql`select role, disabled_at from datamorph.users where email = ${email}`;
    return row as { role: string; disabled_at: Date | null } | undefined;
  } finally {
    await sql.end();
  }
}

test("an administrator invites someone, changes their role, disables them (signed out at once), enables and removes them", async ({
  page,
  browser,
}) => {
  const users = new UsersPage(page);
  await users.open();
  await expect(users.row(admin.email)).toContainText("This is you");
  await expect(users.row(admin.email).getByRole("button")).toHaveCount(0);
  const link = await users.createInvite("member");
  await expect(page.getByRole("status").first()).toContainText("shown only this once");

  // The invitee signs up through the link: no access code, the invite's role.
  const invitee = await signedOutPage(browser);
  await invitee.page.goto(link);
  await expect(invitee.page.getByTestId("invite-open")).toContainText("You were invited to join as a member.");
  await expect(invitee.page.getByLabel("Access code")).toHaveCount(0);
  await new AuthPages(invitee.page).fill({ "Your name": ivan.name, Email: ivan.email, Password: ivan.password });
  await invitee.page.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.page.getByTestId("signed-in-as")).toHaveText(ivan.email);
  const nav = invitee.page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" }), "a member's bar has no Users link").toHaveCount(0);

  // The link works once.
  const latecomer = await signedOutPage(browser);
  await latecomer.page.goto(link);
  await expect(latecomer.page.getByTestId("invite-refused")).toHaveText(/has already been used/);
  await expect(latecomer.page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  await latecomer.context.close();

  // The administrator sees the new account, and makes it an administrator: it counts from Ivan's next request.
  await users.open();
  await expect(users.row(ivan.email)).toContainText("member");
  await expect(users.row(ivan.email)).toContainText("active");
  await users.press(ivan.email, "Make administrator");
  await expect(users.answer(ivan.email)).toHaveText(`${ivan.email} is now an administrator.`);
  await expect(users.row(ivan.email).getByRole("cell").nth(1)).toHaveText("administrator");
  await invitee.page.goto("/users");
  await expect(invitee.page.getByTestId("users")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();

  // Demoted again, Ivan's open Users page can no longer change anything.
  await users.press(ivan.email, "Make member");
  await expect(users.answer(ivan.email)).toHaveText(`${ivan.email} is now a member.`);
  const ivansView = new UsersPage(invitee.page);
  await ivansView.press(admin.email, "Disable");
  await expect(ivansView.answer(admin.email)).toHaveText("Only an administrator can do this.");
  expect((await accountOf(admin.email))?.disabled_at).toBeNull();

  // Disabled: Ivan's open page is signed out on its next navigation, and the password no longer signs in.
  await users.press(ivan.email, "Disable");
  await expect(users.answer(ivan.email)).toHaveText(
    `${ivan.email} is disabled and cannot sign in; 1 open session ended.`,
  );
  await expect(users.row(ivan.email)).toContainText("disabled");
  await nav.getByRole("link", { name: "Runs" }).click();
  await expect(invitee.page).toHaveURL(/\/sign-in\?callbackUrl=%2Fruns$/);
  expect((await invitee.page.request.get("/api/me")).status()).toBe(401);
  const forms = new AuthPages(invitee.page);
  await forms.signIn(ivan.email, ivan.password);
  await expect(forms.alert()).toHaveText("This account has been disabled. Ask an administrator to enable it again.");

  // Enabled, the same password signs in again.
  await users.press(ivan.email, "Enable");
  await expect(users.answer(ivan.email)).toHaveText(`${ivan.email} can sign in again.`);
  await forms.signIn(ivan.email, ivan.password);
  await expect(invitee.page).toHaveURL(/\/runs$/);
  await expect(invitee.page.getByTestId("signed-in-as")).toHaveText(ivan.email);

  // Ivan started no run, so the account can be removed; that asks first.
  page.once("dialog", (dialog) => dialog.accept());
  await users.press(ivan.email, "Remove");
  await expect(users.row(ivan.email)).toHaveCount(0);
  expect(await accountOf(ivan.email)).toBeUndefined();
  await invitee.page.reload();
  await expect(invitee.page).toHaveURL(/\/sign-in\?callbackUrl=%2Fruns$/);
  await invitee.context.close();
});

test("an account with runs is kept: removing it is refused with a way out, and nothing changes", async ({
  page,
  browser,
}) => {
  const rob = { name: "Rob Runner", email: "rob@example.com", password: "rob's long secret" };
  const { context, page: robsPage } = await signUpInNewContext(browser, rob);
  const started = await robsPage.request.post("/api/runs", { data: { prompt: "number of orders per customer" } });
  expect(started.status()).toBe(202);
  await context.close();

  const users = new UsersPage(page);
  await users.open();
  await expect(users.row(rob.email).getByRole("cell").nth(4)).toHaveText("1");
  // A forged id is refused by name, and changes nothing.
  await users
    .row(rob.email)
    .locator('input[name="userId"]')
    .evaluate((input: HTMLInputElement) => {
      input.value = "not-an-id";
    });
  await users.press(rob.email, "Disable");
  await expect(users.answer(rob.email)).toHaveText("Unknown user; reload the page.");
  expect(await accountOf(rob.email)).toMatchObject({ role: "member", disabled_at: null });

  await users.open();
  page.once("dialog", (dialog) => dialog.accept());
  await users.press(rob.email, "Remove");
  await expect(users.answer(rob.email)).toHaveText(
    "This user has 1 run, no pipelines and no uploads that keep their name, so the account is kept. Disable it instead: it then cannot sign in, and nothing is lost.",
  );
  expect(await accountOf(rob.email)).toMatchObject({ role: "member", disabled_at: null });
});

test("a member gets no Users page and no Users link", async ({ browser }) => {
  const mia = { name: "Mia Member", email: "mia-users@example.com", password: "mia's long secret" };
  const { context, page } = await signUpInNewContext(browser, mia);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/users");
  await expect(page.getByTestId("admin-only")).toHaveText(/Only an administrator can see and manage users/);
  await expect(page.getByTestId("users")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create invite link" })).toHaveCount(0);
  await context.close();
});

test("a made-up or expired invite link opens nothing", async ({ page, browser }) => {
  const { context, page: visitor } = await signedOutPage(browser);
  await visitor.goto(`/sign-up?invite=${"x".repeat(43)}`);
  await expect(visitor.getByTestId("invite-refused")).toHaveText(/is not valid/);
  await expect(visitor.getByRole("button", { name: "Create account" })).toHaveCount(0);

  const users = new UsersPage(page);
  await users.open();
  const link = await users.createInvite("administrator");
  await visitor.goto(link);
  await expect(visitor.getByTestId("invite-open")).toContainText("as an administrator");
  const sql = connectWarehouse();
  try {
    await sql`update datamorph.invites set expires_at = now() - interval '1 second' where used_at is null`;
  } finally {
    await sql.end();
  }
  await visitor.reload();
  await expect(visitor.getByTestId("invite-refused")).toHaveText(/has expired/);
  await context.close();
});
