import { describe, expect, it } from "vitest";
import type { RunEventInput, StoredRunEvent } from "@/lib/events/types";
import { deriveRunView } from "./run-view";

let seq = 0;
const event = (e: RunEventInput): StoredRunEvent => ({ ...e, runId: "r", seq: ++seq, at: "2026-11-23T10:00:00.000Z" });

describe("deriveRunView", () => {
  it("shows each stage's state and time, the latest tests and every repair round", () => {
    const view = deriveRunView([
      event({
        agent: "planner",
        level: "success",
        message: "Planned t",
        payload: { spec: { target: { table: "t" } }, notes: ["read as a total"] },
        durationMs: 4,
      }),
      event({
        agent: "codegen",
        level: "success",
        message: "Compiled",
        payload: { sql: "SELECT 1", pyspark: "df = 1" },
      }),
      event({ agent: "executor", level: "success", message: "Built", durationMs: 30 }),
      event({
        agent: "validator",
        level: "error",
        message: "1 of 2 passed",
        payload: { results: [{ name: "reconcile_x", passed: false }] },
      }),
      event({
        agent: "remediator",
        level: "info",
        message: "Join fan-out",
        payload: {
          round: 1,
          cause: "duplicate_dimension_rows",
          changes: [{ path: "sources[1].distinct", after: true }],
        },
      }),
      event({
        agent: "codegen",
        level: "success",
        message: "Recompiled",
        payload: { sql: "SELECT 2", pyspark: "df = 2" },
      }),
      event({ agent: "executor", level: "success", message: "Built again", durationMs: 20 }),
      event({
        agent: "validator",
        level: "success",
        message: "2 of 2 passed",
        payload: { results: [{ name: "reconcile_x", passed: true }] },
      }),
    ]);
    expect(view.stages.map((s) => [s.agent, s.state])).toEqual([
      ["planner", "done"],
      ["profiler", "pending"],
      ["codegen", "done"],
      ["executor", "done"],
      ["validator", "done"],
      ["remediator", "done"],
      ["publisher", "pending"],
    ]);
    expect(view.stages.find((s) => s.agent === "executor")?.ms).toBe(50);
    expect(view.sql).toBe("SELECT 2");
    expect(view.tests).toEqual([{ name: "reconcile_x", passed: true }]);
    expect(view.rounds).toEqual([
      {
        round: 1,
        cause: "duplicate_dimension_rows",
        diagnosis: "Join fan-out",
        changes: [{ path: "sources[1].distinct", after: true }],
      },
    ]);
    expect(view.notes).toEqual(["read as a total"]);
    expect(view.finished).toBe(false);
  });

  it("knows a run has ended from its final event", () => {
    const view = deriveRunView([
      event({
        agent: "orchestrator",
        level: "warn",
        message: "Rejected: …",
        payload: { final: true, status: "rejected" },
      }),
    ]);
    expect(view.finished).toBe(true);
    expect(view.stages.every((s) => s.state === "pending")).toBe(true);
  });

  it("knows a run built after its pause for review goes on, and shows the reviewed plan", () => {
    const paused = [
      event({
        agent: "planner",
        level: "success",
        message: "Planned t",
        payload: { spec: { target: { table: "t" } } },
      }),
      event({
        agent: "orchestrator",
        level: "info",
        message: "Waiting for review",
        payload: { final: true, status: "in_review" },
      }),
    ];
    expect(deriveRunView(paused).finished).toBe(true);
    const resumed = deriveRunView([
      ...paused,
      event({
        agent: "orchestrator",
        level: "info",
        message: "Run resumed: building the reviewed plan",
        payload: { resumed: true },
      }),
      event({
        agent: "planner",
        level: "success",
        message: "Plan edited by a@b.c: 1 change",
        payload: { spec: { target: { table: "t_edited" } } },
      }),
    ]);
    expect(resumed.finished).toBe(false);
    expect(resumed.spec?.target.table).toBe("t_edited");
  });

  it("says why a queued run waits until it starts", () => {
    const queued = event({
      agent: "orchestrator",
      level: "info",
      message: "Queued: 4 run(s) are building; it starts when a slot frees up (4 at a time here).",
      payload: { queued: true },
    });
    expect(deriveRunView([queued]).queued).toBe(queued.message);
    expect(
      deriveRunView([queued, event({ agent: "planner", level: "info", message: "Planning" })]).queued,
    ).toBeUndefined();
  });
});
