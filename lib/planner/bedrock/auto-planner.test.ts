import { describe, expect, it } from "vitest";
import { planAuto } from "@/lib/planner/bedrock/auto-planner";
import { toolUseReply, useConverseServer } from "@/lib/planner/bedrock/converse-test-server";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";
import { buildSemanticModel } from "@/lib/semantic-model/build-model";

const modelId = "anthropic.claude-3-5-sonnet-20240620-v1:0";

const server = useConverseServer();

const semanticModel = buildSemanticModel(demoCatalog);
let modelLoads = 0;
const plan = (prompt: string) =>
  planAuto({
    reading: { prompt, catalog: demoCatalog, sampleValues: demoSampleValues },
    bedrock: { client: server().client(), modelId, loadSemanticModel: async () => (modelLoads++, semanticModel) },
  });

describe("planAuto", () => {
  it("plans the seed prompt with the reading planner and never calls the model", async () => {
    const result = await plan("Join customers and orders on customer_id, calculate total order amount per customer");
    expect(result).toMatchObject({ ok: true, planner: "reading" });
    expect(result.usage).toBeUndefined();
    expect(server().requests).toHaveLength(0);
    expect(modelLoads, "the semantic model is read only when the model is asked").toBe(0);
  });

  it("asks the model when the reading planner cannot read the request, and shows it the semantic model", async () => {
    const prompt = "a table of our best customers";
    const best = customerTotalsSpec({ prompt, target: { table: "best_customers", phrase: "best customers" } });
    server().queue(toolUseReply("emit_etl_spec", best));
    const result = await plan(prompt);

    expect(server().requests).toHaveLength(1);
    expect(server().requests[0].body.messages?.[0].content?.[0].text).toBe(prompt);
    const system = server().requests[0].body.system?.[0].text ?? "";
    expect(system).toContain("<semantic_model>");
    expect(system).toContain('"table":"public.customers"');
    expect(result).toMatchObject({ ok: true, planner: "bedrock", spec: { target: { table: "best_customers" } } });
    if (result.ok) expect(result.notes[0]).toContain('"best"');
    expect(result.usage?.inputTokens).toBe(1200);
  });

  it("keeps the reading planner's refusal of a destructive request", async () => {
    const result = await plan("drop the orders table");
    expect(result).toMatchObject({ ok: false, code: "unsafe", planner: "reading" });
    expect(server().requests).toHaveLength(0);
  });

  it("leaves a question for a person to the person: an ambiguous word, a word of English near a model word", async () => {
    for (const prompt of ["monthly revenue", "number of customers per county"]) {
      const result = await plan(prompt);
      expect(result).toMatchObject({ ok: false, planner: "reading" });
      if (!result.ok) expect(result.questions?.length, prompt).toBeGreaterThan(0);
    }
    expect(server().requests).toHaveLength(0);
  });

  it("builds nothing when the model refuses what the reading planner could not read", async () => {
    server().queue(
      toolUseReply("reject_request", { code: "ambiguous", message: "which customers are the best", phrase: "best" }),
    );
    const result = await plan("a table of our best customers");
    expect(result).toMatchObject({ ok: false, code: "ambiguous", planner: "bedrock" });
  });
});
