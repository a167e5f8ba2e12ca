import { describe, expect, it } from "vitest";
import { planWithEnglish } from "@/lib/planner/reading";
import type { PlanRejection } from "@/lib/planner/types";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { suggestNextSteps } from "./next-steps";

const NOW = new Date("2025-06-15");

function stepsFor(prompt: string, catalog = demoCatalog, sampleValues = demoSampleValues) {
  const reading = { prompt, catalog, sampleValues, now: NOW };
  const refused = planWithEnglish(reading);
  if (refused.ok) throw new Error(`"${prompt}" was read`);
  return suggestNextSteps({ reading, rejection: refused as PlanRejection });
}

describe("suggestNextSteps", () => {
  it("offers the request without the words it could not read, first", () => {
    const steps = stepsFor("total order amount per customer, in purple ink");
    expect(steps[0]).toEqual({ prompt: "total order amount per customer", why: 'without "purple", "ink"' });
  });

  it("offers only requests the planner reads, at most three, none the refused one", () => {
    const prompt = "the vibe of each customer";
    const steps = stepsFor(prompt);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBeLessThanOrEqual(3);
    for (const step of steps) {
      expect(step.prompt).not.toBe(prompt);
      expect(
        planWithEnglish({ prompt: step.prompt, catalog: demoCatalog, sampleValues: demoSampleValues, now: NOW }).ok,
      ).toBe(true);
    }
    expect(steps.some((s) => s.why === "a request about customers")).toBe(true);
  });

  it("speaks of the tables of the warehouse at hand, whatever their names", () => {
    const steps = stepsFor("the vibe of each invoice", chinookCatalog, {});
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => /invoice/.test(s.prompt))).toBe(true);
  });
});
