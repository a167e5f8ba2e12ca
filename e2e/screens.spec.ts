import { expect, test } from "@playwright/test";
import { listPages } from "./app-inventory";
import { checkEveryLook, controlsMissedByTab, sidewaysScroll } from "./screen-check";
import { screens, signedOut } from "./screens";

// Every page, as a phone and a laptop show it, in light and dark, and at 360 px: no sideways
// scroll, no serious accessibility violation, every control reachable with Tab, a screenshot of
// each in e2e/.output/screens/. They only look, so they
// run in parallel, after every other browser test has made what they show (playwright.config.ts).

test("every page under app/ is among the screens checked below", () => {
  expect([...new Set(screens.map((s) => s.pattern))].sort()).toEqual(listPages());
});

// Each screen in its own test, so that the workers share the screens evenly: the controls
// Tab reaches at laptop width, every look (screen-check.ts), and the narrowest phone.
for (const screen of screens) {
  test(`${screen.name}: every control is reachable with the keyboard, it fits the screen and passes axe in every look, and at 360 px`, async ({
    page,
    browser,
  }) => {
    const { context, page: visitor } = await signedOut(browser);
    const tab = screen.signedIn ? page : visitor;
    await tab.goto(await screen.url());
    expect.soft(await controlsMissedByTab(tab), `${screen.name}: controls Tab never reaches`).toEqual([]);
    await checkEveryLook(tab, screen.name);
    // The narrowest phone: no sideways scroll, the layout already checked at 390 px.
    await tab.setViewportSize({ width: 360, height: 740 });
    await tab.emulateMedia({ colorScheme: "light" });
    await tab.screenshot({ path: `e2e/.output/screens/${screen.name}-360.png` });
    expect.soft(await sidewaysScroll(tab), `${screen.name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
    await context.close();
  });
}
