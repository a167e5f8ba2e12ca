import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 768 },
] as const;

/**
 * The looks every screen is checked in: both widths in light mode, and dark mode at phone width.
 * Layout depends on the width and colours on the scheme, not on both: dark mode's contrast is
 * checked once, where the page is narrowest.
 */
export const looks = [
  { viewport: viewports[0], colorScheme: "light" },
  { viewport: viewports[1], colorScheme: "light" },
  { viewport: viewports[0], colorScheme: "dark" },
] as const;

/** How far the page scrolls sideways: 0 when it fits the window. */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollWidth - root.clientWidth;
  });

/** The axe rules that depend on colour alone: all that changes between the light and dark looks of one layout. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** Axe's serious and critical findings on the page as it is now (only its colour rules, if asked), one line each. */
export async function seriousViolations(page: Page, colourOnly = false): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  const { violations } = await (colourOnly ? axe.withRules(COLOUR_RULES) : axe).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ").trim()}`,
      ),
    );
}

/**
 * Checks the page a user sees: it fits the window without sideways scroll and axe finds no
 * serious or critical violation. Saves a full-page screenshot as e2e/.output/screens/<name>.png.
 * `colourOnly`: the layout was checked in another colour scheme at this width, so only the rules
 * that depend on colour run again.
 */
export async function checkScreen(page: Page, name: string, colourOnly = false) {
  await page.screenshot({ path: `e2e/.output/screens/${name}.png`, fullPage: true });
  expect.soft(await sidewaysScroll(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect.soft(await seriousViolations(page, colourOnly), `${name} has serious accessibility violations`).toEqual([]);
}

/**
 * Every look of the page as it is loaded now, in `looks` order, in the same page: the width and
 * colour scheme change in place, as they do when a user turns a phone or switches to dark mode.
 */
export async function checkEveryLook(page: Page, name: string) {
  for (const [i, { viewport, colorScheme }] of looks.entries()) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.emulateMedia({ colorScheme });
    const layoutSeen = looks.slice(0, i).some((earlier) => earlier.viewport === viewport);
    await checkScreen(page, `${name}-${viewport.name}-${colorScheme}`, layoutSeen);
  }
}

/** Every control a keyboard user can reach on the page, visible and enabled, in document order. */
const CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Presses Tab through the page and returns the visible controls it never reached, each as
 * its tag and text, so a control only a mouse can use fails the test that calls it.
 */
export async function controlsMissedByTab(page: Page): Promise<string[]> {
  const count = await page.locator(CONTROLS).evaluateAll((elements) => {
    let n = 0;
    for (const element of elements as HTMLElement[]) {
      const disabled = (element as HTMLButtonElement).disabled === true;
      const box = element.getBoundingClientRect();
      if (disabled || box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden")
        continue;
      element.dataset.tabCheck = String(n++);
    }
    return n;
  });
  // The page notes each control that takes the focus, so a Tab press costs one round trip, not two.
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { tabChecked: Set<string> }).tabChecked = seen;
    document.addEventListener("focusin", (event) => {
      const id = (event.target as HTMLElement | null)?.dataset?.tabCheck;
      if (id !== undefined) seen.add(id);
    });
    (document.activeElement as HTMLElement | null)?.blur();
  });
  for (let i = 0; i < count + 5; i++) await page.keyboard.press("Tab");
  const reached = await page.evaluate(() => [...(window as unknown as { tabChecked: Set<string> }).tabChecked]);
  return page
    .locator("[data-tab-check]")
    .evaluateAll(
      (elements, seen) =>
        (elements as HTMLElement[])
          .filter((element) => !seen.includes(element.dataset.tabCheck!))
          .map(
            (element) =>
              `<${element.tagName.toLowerCase()}> ${(element.textContent || element.getAttribute("aria-label") || element.getAttribute("name") || "").trim().slice(0, 60)}`,
          ),
      reached,
    );
}
