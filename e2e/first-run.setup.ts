import { expect, test as setup } from "@playwright/test";
import { admin } from "./accounts";
import { AuthPages } from "./pages/auth-pages";

setup("first start offers a one-time setup that creates the admin", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Describe the table you want");
  await page.screenshot({ path: "e2e/.output/home-first-run.png", fullPage: true });
  await page.getByRole("link", { name: "Create the first account" }).click();
  await expect(page).toHaveURL(/\/setup$/);

  const forms = new AuthPages(page);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter your email.")).toBeVisible();

  await forms.fill({ "Your name": admin.name, Email: admin.email, Password: "short" });
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await forms.fill({ Password: admin.password });
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(admin.email);
  await page.context().storageState({ path: "e2e/.output/admin.json" });
});
