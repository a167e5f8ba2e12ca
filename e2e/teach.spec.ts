import { expect, test, type Page } from "@playwright/test";
import { signUpInNewContext } from "./accounts";
import { checkEveryLook } from "./screen-check";

// Teaching by example and leading on from a refusal. A member verifies a run; their next request
// that says the same with another value is planned from it (a member's example stays theirs, so
// no other spec reads differently). A refused request offers requests that are read, one click each.

async function build(page: Page, prompt: string) {
  await page.goto("/");
  await page.getByLabel("Describe the table you want").fill(prompt);
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
}

test("a verified run plans a later request with another value; a refusal offers requests that build", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const { context, page } = await signUpInNewContext(browser, {
    name: "Vera Verifier",
    email: `vera-${stamp}@example.com`,
    password: "correct horse battery",
  });
  try {
    await build(page, "number of orders per customer in 2024");
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 30_000 });
    await page.getByRole("button", { name: "Mark as verified" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Verified for your requests" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("verified")).toContainText(`Verified by vera-${stamp}@example.com`);
    await expect(page.getByRole("button", { name: "Mark as verified" })).toHaveCount(0);

    await build(page, "number of orders per customer in 2023");
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 30_000 });
    await expect(page.getByText('"2023" in place of "2024"')).toBeVisible();
    await expect(page.getByTestId("event").filter({ hasText: "from a verified example" })).toBeVisible();
    await expect(page.locator("pre").filter({ hasText: "DATE '2023-01-01'" }).first()).toBeVisible();

    await build(page, "number of orders per customer in 2024, in purple ink");
    await expect(page.getByTestId("run-status")).toHaveText("rejected", { timeout: 30_000 });
    const steps = page.getByTestId("next-steps");
    await expect(steps).toContainText('without "purple", "ink"');
    await checkEveryLook(page, "run-next-steps");
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.emulateMedia({ colorScheme: "light" });
    await steps.getByRole("button", { name: "Build “number of orders per customer in 2024”" }).click();
    await expect(page.getByTestId("run-prompt")).toHaveText("number of orders per customer in 2024");
    await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 30_000 });
  } finally {
    await context.close();
  }
});
