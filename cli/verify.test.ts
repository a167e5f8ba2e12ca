import { describe, expect, it } from "vitest";
import { runCli, runCliJson } from "@/lib/testing/run-cli";
import { useCliDatabase } from "@/lib/testing/test-database";

// `verify` keeps a command-line run as an example: the command line's next request that says
// the same with another value is planned from it, and the plan says so.
const reading = { DATAMORPH_PLANNER: "reading" };

describe("datamorph verify", () => {
  const db = useCliDatabase({ demo: true });

  it("verifies a succeeded run; a request with another value is then planned from it", async () => {
    const first = await runCliJson<{ runId: string; status: string }>(
      ["run", "number of orders per customer in 2024", "--json"],
      db.url,
      reading,
    );
    expect(first.json?.status, first.stderr).toBe("succeeded");
    const verified = await runCliJson(["verify", first.json!.runId, "--json"], db.url, reading);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.json).toEqual({ runId: first.json!.runId, verified: true, appliesTo: "you" });

    const next = await runCliJson<{ runId: string; status: string }>(
      ["run", "number of orders per customer in 2023", "--json"],
      db.url,
      reading,
    );
    expect(next.json?.status, next.stderr).toBe("succeeded");
    const [planned] = await db.sql`
      select payload from datamorph.run_events where run_id = ${next.json!.runId} and message like 'Planned%'`;
    expect(planned.payload.planner).toBe("verified");
    expect(planned.payload.notes[0]).toContain('"2023" in place of "2024"');
    expect(planned.payload.spec.filters).toEqual([
      expect.objectContaining({ op: "date_range", from: "2023-01-01", to: "2024-01-01", phrase: "in 2023" }),
    ]);
  });

  it("refuses an id that is no run, or a run that did not succeed, with a message and exit code", async () => {
    const none = await runCli(["verify", "00000000-0000-4000-8000-000000000000"], db.url, reading);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("No run 00000000-0000-4000-8000-000000000000 of the command line");
    expect((await runCli(["verify", "not-an-id"], db.url, reading)).code).toBe(2);
    const refused = await runCliJson<{ runId: string; status: string }>(
      ["run", "drop table customers", "--json"],
      db.url,
      reading,
    );
    const again = await runCli(["verify", refused.json!.runId], db.url, reading);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("Only a run that succeeded can be verified");
  });
});
