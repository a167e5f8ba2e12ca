import { expect, test } from "@playwright/test";
import { listPages } from "./app-inventory";
import { checkEveryLook, controlsMissedByTab, sidewaysScroll } from "./screen-check";
import { screens, signedOut } from "./screens";

// Every page, as a phone and a laptop show it, in light and dark: no sideways scroll, no serious
// accessibility violation, a screenshot of each in e2e/.output/screens/. They only look, so they
// run in parallel, after every other browser test has made what they show (playwright.config.ts).

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
