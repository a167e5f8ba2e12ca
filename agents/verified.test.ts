import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalArtifactStore } from "@/lib/artifacts/store";
import { createDatabase } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import { createPostgresEventStore } from "@/lib/events/postgres-store";
import { verifyRun } from "@/lib/runs/verify-run";
import { createPipelineHarness, type PipelineHarness } from "@/agents/testing/pipeline-harness";
import { testServers } from "@/lib/testing/test-database";
import type { Actor } from "@/lib/tables/actor";

// A run a person marked right plans later requests that say the same up to their values: the
// reading is theirs, not the planner's. Each run here builds its table and is checked against it.
const reading = { planner: "reading" } as const;

describe("verified examples", () => {
  let h: PipelineHarness;
  let verify: (runId: string, user: Actor, status?: "succeeded" | "failed") => Promise<{ approved: boolean }>;
  beforeAll(async () => {
    h = await createPipelineHarness(testServers()[0]);
    const artifacts = createLocalArtifactStore(h.sql, h.artifactsDir);
    const events = createPostgresEventStore(h.sql);
    verify = async (runId, user, status = "succeeded") => {
      const [run] = await h.sql`select id, prompt, rolled_back_at from datamorph.runs where id = ${runId}`;
      return verifyRun({
        run: { id: run.id, prompt: run.prompt, status, rolledBackAt: run.rolled_back_at },
        user,
        events,
        artifacts,
        db: createDatabase(h.sql),
      });
    };
  });
  afterAll(async () => h?.close());

  const plannedEvent = async (runId: string) =>
    (
      await h.sql`select message, payload from datamorph.run_events where run_id = ${runId} and message like 'Planned%'`
    )[0];

  it("plans a request with another value from an admin's verified run, for everyone, and counts the use", async () => {
    const first = await h.run("total order amount per customer for shipped orders", reading);
    expect(first.status, first.error).toBe("succeeded");
    expect(await verify(first.runId, h.admin)).toEqual({ approved: true });

    const bob = await h.createUser("bob@example.com", "member");
    const again = await h.run("Total order amount per customer for returned orders", reading, { user: bob });
    expect(again.status, again.error).toBe("succeeded");
    const planned = await plannedEvent(again.runId);
    expect(planned.message).toMatch(/from a verified example$/);
    expect(planned.payload.planner).toBe("verified");
    expect(planned.payload.notes[0]).toContain('"returned" in place of "shipped"');

    const rows = await h.sql.unsafe(`select * from "${again.target!.table}" order by 1`);
    const expected = await h.sql`
      select c.customer_id, sum(o.amount)::numeric as total
      from customers c join orders o on o.customer_id = c.customer_id
      where o.status = 'returned' group by c.customer_id order by 1`;
    expect(rows.map((r) => [r.customer_id, String(Object.values(r).at(-1))])).toEqual(
      expected.map((r) => [r.customer_id, String(r.total)]),
    );
    const [example] = await h.sql`select approved, use_count, run_id from datamorph.verified_examples`;
    expect(example).toEqual({ approved: true, use_count: 1, run_id: first.runId });
  });

  it("keeps a member's example to their own requests until approved, and refuses to verify a run that did not succeed", async () => {
    const ann = await h.createUser("ann@example.com", "member");
    const mine = await h.run("top 5 customers by total order amount", reading, { user: ann });
    expect(mine.status, mine.error).toBe("succeeded");
    expect(await verify(mine.runId, ann)).toEqual({ approved: false });

    const own = await h.run("top 7 customers by total order amount", reading, { user: ann });
    expect((await plannedEvent(own.runId)).payload.planner).toBe("verified");
    expect(own.spec!.limit?.count).toBe(7);
    const other = await h.run("top 7 customers by total order amount", reading);
    expect((await plannedEvent(other.runId)).payload.planner).toBe("reading");

    const refused = await verify(mine.runId, ann, "failed").then(
      () => null,
      (e: AppError) => [e.code, e.message],
    );
    expect(refused).toEqual(["conflict", expect.stringMatching(/Only a run that succeeded can be verified/)]);
  });
});
