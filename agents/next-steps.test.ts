import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";

// A refused run ends with requests DataMorph does read, each of which builds when it is run.
const reading = { planner: "reading" } as const;

describe("next steps of a refused run", () => {
  let h: PipelineHarness;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
  });
  afterAll(async () => h?.close());

  it("offers the request without its unread words first, and every offer builds", async () => {
    const refused = await h.run("total order amount per customer, in purple ink", reading);
    expect(refused.status).toBe("rejected");
    expect(refused.nextSteps?.[0]).toEqual({
      prompt: "total order amount per customer",
      why: 'without "purple", "ink"',
    });
    const [final] = await h.sql`
      select payload from datamorph.run_events where run_id = ${refused.runId} and payload->>'final' = 'true'`;
    expect(final.payload.nextSteps).toEqual(refused.nextSteps);
    for (const step of refused.nextSteps!) {
      const built = await h.run(step.prompt, reading);
      expect(built.status, `${step.prompt}: ${built.error}`).toBe("succeeded");
    }
  });

  it("offers nothing in place of an unsafe request", async () => {
    const refused = await h.run("drop table customers", reading);
    expect(refused.status).toBe("rejected");
    expect(refused.nextSteps).toBeUndefined();
  });
});
