import { describe, expect, it } from "vitest";
import { refusalOutcome } from "./outcome";
import { expectedReason, refusedFor } from "./refusal";

describe("reasons for refusal", () => {
  it("takes a case's own reason, else the shared files' reject-… tag, else none", () => {
    expect(expectedReason("ambiguous", ["reject-unsafe"])).toBe("ambiguous");
    expect(expectedReason(true, ["terse", "reject-unsafe"])).toBe("unsafe");
    expect(expectedReason(true, ["reject-chitchat"])).toBe("not_etl");
    expect(expectedReason(true, ["reject-unknown"])).toBe("unknown");
    expect(expectedReason(true, ["reject-ambiguous"])).toBe("ambiguous");
    expect(expectedReason(true, ["reject", "destructive"])).toBeUndefined();
    expect(expectedReason(true)).toBeUndefined();
  });

  it("accepts a planner code only for the reasons it stands for", () => {
    expect(refusedFor("unsafe", "unsafe")).toBe(true);
    expect(refusedFor("unsafe", "not_understood")).toBe(false);
    expect(refusedFor("unknown", "unknown_column")).toBe(true);
    expect(refusedFor("unknown", "not_understood")).toBe(true);
    expect(refusedFor("not_etl", "not_understood")).toBe(true);
    expect(refusedFor("ambiguous", "not_understood")).toBe(false);
    expect(refusedFor("ambiguous", "unknown_table")).toBe(false);
    // A build that failed its tests, or a target taken meanwhile, is no reason at all.
    expect(refusedFor("unsafe", undefined)).toBe(false);
    expect(refusedFor(undefined, undefined)).toBe(true);
  });

  it("tells a refusal as expected from one for the wrong reason and from one that should have built", () => {
    expect(refusalOutcome({ kind: "refusal", reason: "unsafe" }, "unsafe")).toBe("refused_as_expected");
    expect(refusalOutcome({ kind: "refusal", reason: "unsafe" }, "unknown_column")).toBe("refused_wrong_reason");
    expect(refusalOutcome({ kind: "refusal" }, "ambiguous")).toBe("refused_as_expected");
    expect(refusalOutcome({ kind: "table" }, "unsafe")).toBe("refused_should_build");
  });
});
