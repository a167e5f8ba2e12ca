import { expect, test, type APIResponse, type Browser } from "@playwright/test";
import { signUpInNewContext, type Account } from "./accounts";
import { AccountPage } from "./pages/account-page";
import { AuthPages } from "./pages/auth-pages";
import { connectWarehouse } from "./warehouse";

// Every test here signs up an account of its own: a password change signs out the account's
// other sessions, and the admin's is the one every other spec shares.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(browser: Browser, account: Account) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/data");
  await new AuthPages(page).signIn(account.email, account.password);
  await expect(page.getByTestId("signed-in-as")).toHaveText(account.email);
  return { context, page };
}

async function query<T>(run: (sql: ReturnType<typeof connectWarehouse>) => Promise<T>): Promise<T> {
  const sql = connectWarehouse();
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

const passwordHashOf = (email: string) =>
  query(
    async (sql) =>
      (await sql`select password_hash from datamorph.users where email = ${email}`)[0].password_hash as string,
  );
const failedSignInsOf = (email: string) =>
  query(
    async (sql) =>
      (
        await sql`select count(*)::int as n from datamorph.rate_limit_hits where bucket = ${`sign-in:account:${email}`}`
      )[0].n as number,
  );

test("changing the password signs out the account's other browsers, keeps this one, and only the new password signs in", async ({
  browser,
}) => {
  const pat = { name: "Pat", email: "pat@example.com", password: "pat's first long secret" };
  const newPassword = "pat's second long secret";
  const here = await signUpInNewContext(browser, pat);
  const elsewhere = await signIn(browser, pat);
  expect(
    (await elsewhere.page.request.get("/api/me")).status(),
    "the other browser is signed in before the change",
  ).toBe(200);

  await here.page.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(here.page.getByRole("heading", { name: "Change password" })).toBeVisible();
  const account = new AccountPage(here.page);
  await account.changePassword({ current: pat.password, next: newPassword });
  await expect(account.notice()).toHaveText(
    "Password changed. You stay signed in here. 1 other session was signed out; sign in there with the new password.",
  );
  await expect(here.page.getByLabel("Current password"), "the form forgets what was typed").toHaveValue("");

  // The other browser is out on its next API call and its next page load.
  const me = await elsewhere.page.request.get("/api/me");
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe("unauthorized");
  await elsewhere.page.goto("/data");
  await expect(elsewhere.page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdata$/);

  // This browser is still in.
  expect((await here.page.request.get("/api/me")).status()).toBe(200);
  await here.page.goto("/data");
  await expect(here.page.getByTestId("signed-in-as")).toHaveText(pat.email);

  const forms = new AuthPages(elsewhere.page);
  await forms.signIn(pat.email, pat.password);
  await expect(forms.alert()).toHaveText("Wrong email or password.");
  await forms.signIn(pat.email, newPassword);
  await expect(elsewhere.page).toHaveURL(/\/data$/);
  await expect(elsewhere.page.getByTestId("signed-in-as")).toHaveText(pat.email);
  await here.context.close();
  await elsewhere.context.close();
});

test("bad input gets a message that says what to fix, and changes nothing", async ({ browser }) => {
  const quinn = { name: "Quinn", email: "quinn@example.com", password: "quinn's long secret" };
  const here = await signUpInNewContext(browser, quinn);
  const elsewhere = await signIn(browser, quinn);
  const hashBefore = await passwordHashOf(quinn.email);
  const { page } = here;
  const account = new AccountPage(page);
  await page.goto("/account");

  await account.submit();
  await expect(account.fieldError("Current password")).toHaveText("Enter your current password.");
  await expect(account.fieldError("New password")).toHaveText("Use at least 10 characters.");
  await expect(account.fieldError("Confirm new password")).toHaveText("Type the new password again.");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/.output/account-390-errors.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await account.changePassword({ current: quinn.password, next: quinn.password });
  await expect(account.fieldError("New password")).toHaveText("This is your current password; choose a different one.");
  await account.changePassword({
    current: quinn.password,
    next: "a new long password",
    confirm: "a new long passwort",
  });
  await expect(account.fieldError("Confirm new password")).toHaveText(
    "This does not match the new password; type it again.",
  );
  await account.changePassword({ current: quinn.password, next: "a new long\u0007password" });
  await expect(account.fieldError("New password")).toHaveText(
    "The password contains a control character (U+0007) at character 11; remove it and send it again.",
  );

  for (const label of ["Current password", "New password", "Confirm new password"]) {
    await page
      .getByLabel(label, { exact: true })
      .evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
  }
  const huge = "x".repeat(5000);
  await account.changePassword({ current: huge, next: huge });
  await expect(account.fieldError("Current password")).toHaveText("That is not your current password.");
  await expect(account.fieldError("New password")).toHaveText("Use at most 72 bytes.");
  expect(await failedSignInsOf(quinn.email), "input refused before the password is checked is no guess").toBe(0);

  await account.changePassword({ current: "not quinn's password", next: "a new long password" });
  await expect(account.fieldError("Current password")).toHaveText(
    "That is not your current password; type it again. Your password was not changed.",
  );
  expect(await failedSignInsOf(quinn.email), "a wrong current password counts as a failed sign-in of the account").toBe(
    1,
  );

  await expect(page.locator("body")).not.toContainText(/at .*\.(js|ts):\d+/);
  expect(await passwordHashOf(quinn.email)).toBe(hashBefore);
  expect((await elsewhere.page.request.get("/api/me")).status(), "the other browser is still signed in").toBe(200);
  await here.context.close();
  await elsewhere.context.close();
});

test("the change posted from another site, with the user's cookie, is refused with 403; the same post from the page goes through", async ({
  browser,
}) => {
  const rae = { name: "Rae", email: "rae@example.com", password: "rae's long secret" };
  const newPassword = "rae's newer long secret";
  const { context, page } = await signUpInNewContext(browser, rae);
  await page.goto("/account");
  const hashBefore = await passwordHashOf(rae.email);

  // Replays the browser's own submission, byte for byte, as a page on another site would send it,
  // before letting the original through.
  let foreign: APIResponse | undefined;
  let hashAfterForeign: string | undefined;
  await page.route("**/account", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const headers = request.headers();
    foreign = await page.request.post(request.url(), {
      headers: {
        "content-type": headers["content-type"],
        "next-action": headers["next-action"],
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        accept: headers.accept ?? "*/*",
        origin: "http://evil.example",
      },
      data: request.postDataBuffer()!,
    });
    hashAfterForeign = await passwordHashOf(rae.email);
    await route.continue();
  });
  const account = new AccountPage(page);
  await account.changePassword({ current: rae.password, next: newPassword });
  await expect(account.notice()).toContainText("Password changed.");

  expect(foreign?.status()).toBe(403);
  expect((await foreign!.json()).error.code).toBe("forbidden");
  expect(hashAfterForeign, "the foreign post changed nothing").toBe(hashBefore);
  expect(await passwordHashOf(rae.email), "the page's own post did").not.toBe(hashBefore);
  await context.close();
});

test("the account page reads well on a phone and on a laptop", async ({ browser }) => {
  const sky = { name: "Sky", email: "sky.with.a.rather.long.address@example.com", password: "sky's long secret" };
  const { context, page } = await signUpInNewContext(browser, sky);
  for (const { width, height } of [
    { width: 1366, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize({ width, height });
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `nothing sticks out sideways at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/.output/account-${width}.png`, fullPage: true });
  }
  await new AccountPage(page).changePassword({ current: sky.password, next: "sky's newer long secret" });
  await expect(new AccountPage(page).notice()).toContainText("Password changed.");
  await page.screenshot({ path: "e2e/.output/account-390-changed.png", fullPage: true });
  await context.close();
});
