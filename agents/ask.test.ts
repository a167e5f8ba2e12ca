import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalArtifactStore } from "@/lib/artifacts/store";
import { createDatabase } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { recordAnswers } from "@/lib/runs/answer-run";
import { readRunQuestions } from "@/lib/runs/run-questions";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import type { Actor } from "@/lib/tables/actor";

// On the demo shop both orders and payments hold a money column, so "revenue" reads two ways:
// the run asks which, waits, and builds what the answer chose in the same run.
const REQUEST = "revenue per month";
const reading = { planner: "reading" } as const;

describe("a run that asks", () => {
  let h: PipelineHarness;
  let answer: (runId: string, answers: Record<string, string>, status?: "needs_input" | "succeeded") => Promise<void>;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    const artifacts = createLocalArtifactStore(h.sql, h.artifactsDir);
    const events = createPostgresEventStore(h.sql);
    answer = (runId, answers, status = "needs_input") =>
      recordAnswers({ run: { id: runId, status }, answers, artifacts, events, db: createDatabase(h.sql) });
  });
  afterAll(async () => h?.close());

  it("pauses in needs_input with its question on the timeline, then builds the chosen reading in the same run", async () => {
    const asked = await h.run(REQUEST, reading);
    expect(asked.status).toBe("needs_input");
    const [question] = asked.questions!;
    expect(question.phrase).toBe("revenue");
    expect(question.choices.map((c) => c.label)).toEqual([
      "orders.amount",
      "payments.amount",
      "None of these — rephrase",
    ]);
    const [paused] = await h.sql`select status, finished_at from datamorph.runs where id = ${asked.runId}`;
    expect(paused).toMatchObject({ status: "needs_input", finished_at: null });
    expect(await h.tables()).not.toContain("revenue_per_month");

    await answer(asked.runId, { [question.id]: "c2" });
    const [queued] = await h.sql`select status from datamorph.runs where id = ${asked.runId}`;
    expect(queued.status).toBe("queued");
    const built = await h.resume(asked.runId, REQUEST, reading);
    expect(built.status, built.error).toBe("succeeded");
    expect(built.runId).toBe(asked.runId);
    expect(built.spec!.sources.map((s) => s.table)).toEqual(["payments"]);

    const table = `"${built.target!.table}"`;
    const [totals] = await h.sql.unsafe(
      `select count(*)::int as months, sum(total_amount)::numeric as total from ${table}`,
    );
    const [expected] =
      await h.sql`select count(distinct date_trunc('month', paid_at))::int as months, sum(amount)::numeric as total from payments`;
    expect(totals).toEqual(expected);

    const events =
      await h.sql`select message, payload from datamorph.run_events where run_id = ${asked.runId} order by seq`;
    const messages = events.map((e) => e.message as string);
    const askedAt = messages.findIndex((m) => m.startsWith("Needs your answer"));
    const answeredAt = messages.indexOf('Answered: "revenue" → payments.amount');
    expect(askedAt).toBeGreaterThan(0);
    expect(answeredAt).toBeGreaterThan(askedAt);
    expect(messages[answeredAt + 1]).toBe("Run resumed with the answers given");
    expect(events.filter((e) => e.payload?.final).map((e) => e.payload.status)).toEqual(["succeeded"]);
  });

  it("refuses answers to a run that is not waiting, to questions it did not ask, and with choices it does not offer", async () => {
    const asked = await h.run(REQUEST, { ...reading, targetTable: "revenue_checks" });
    const [question] = await readRunQuestions(createLocalArtifactStore(h.sql, h.artifactsDir), asked.runId);
    const refusal = (answers: Record<string, string>, status?: "needs_input" | "succeeded") =>
      answer(asked.runId, answers, status).then(
        () => null,
        (e: AppError) => [e.code, e.message],
      );
    expect(await refusal({ q00000000: "c1" })).toEqual([
      "bad_request",
      expect.stringMatching(/asks no question "q00000000"/),
    ]);
    expect(await refusal({ [question.id]: "c7" })).toEqual([
      "bad_request",
      expect.stringMatching(/has no choice "c7"/),
    ]);
    expect(await refusal({ [question.id]: "c1" }, "succeeded")).toEqual([
      "conflict",
      expect.stringMatching(/not waiting for answers/),
    ]);
    const [still] = await h.sql`select status from datamorph.runs where id = ${asked.runId}`;
    expect(still.status).toBe("needs_input");

    await answer(asked.runId, { [question.id]: "c1" });
    expect(await refusal({ [question.id]: "c1" })).toEqual(["conflict", expect.stringMatching(/answered already/)]);
  });

  it("ends as rejected, saying to rephrase, when none of the choices was meant", async () => {
    const asked = await h.run(REQUEST, reading);
    await answer(asked.runId, { [asked.questions![0].id]: "rephrase" });
    const ended = await h.resume(asked.runId, REQUEST, reading);
    expect(ended.status).toBe("rejected");
    expect(ended.error).toMatch(/rephrase the request/);
  });

  it("reads a request again without asking once an answer is saved as knowledge: an admin's for everyone, a member's for them alone", async () => {
    const artifacts = createLocalArtifactStore(h.sql, h.artifactsDir);
    const events = createPostgresEventStore(h.sql);
    const save = async (prompt: string, user: Actor, label: string) => {
      const asked = await h.run(prompt, reading, { user });
      expect(asked.status).toBe("needs_input");
      const [question] = asked.questions!;
      const choice = question.choices.find((c) => c.label === label)!;
      await recordAnswers({
        run: { id: asked.runId, status: "needs_input" },
        answers: { [question.id]: choice.id },
        artifacts,
        events,
        db: createDatabase(h.sql),
        remember: { userId: user.id, role: user.role, warehouse: "public" },
      });
      return (await h.resume(asked.runId, prompt, reading)).status;
    };
    const ann = await h.createUser("ann@example.com", "member");
    const bob = await h.createUser("bob@example.com", "member");

    expect(await save("total revenue per customer", h.admin, "payments.amount")).toBe("succeeded");
    // The admin's answer about "revenue" settles the same words in another request, for a member too.
    const again = await h.run("revenue per month", reading, { user: bob });
    expect(again.status, again.error).toBe("succeeded");
    expect(again.spec!.sources.map((s) => s.table)).toEqual(["payments"]);
    const [planned] =
      await h.sql`select payload from datamorph.run_events where run_id = ${again.runId} and message like 'Planned%'`;
    expect(planned.payload.notes).toEqual([
      expect.stringMatching(
        /^read "revenue" as payments\.amount, as tester@example\.com saved it from run [0-9a-f-]{36} on \d{4}-\d{2}-\d{2}$/,
      ),
    ]);
    expect(await h.sql`select kind, phrase, meaning, approved, use_count from datamorph.knowledge`).toEqual([
      { kind: "reading", phrase: "total revenue", meaning: "payments.amount", approved: true, use_count: 1 },
    ]);

    expect(await save("average price per category", ann, "order_items.unit_price")).toBe("succeeded");
    const mine = await h.run("average price per category", reading, { user: ann });
    expect(mine.status, mine.error).toBe("succeeded");
    expect(mine.spec!.sources.map((s) => s.table)).toContain("order_items");
    expect((await h.run("average price per category", reading, { user: bob })).status).toBe("needs_input");
    expect((await h.run("average price per category", reading)).status).toBe("needs_input");
  });
});
