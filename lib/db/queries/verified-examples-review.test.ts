import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { verifiedExamples } from "@/lib/db/schema";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import { createRun } from "./runs";
import { createFirstAdmin, createMember } from "./users";
import {
  approveVerifiedExample,
  deleteVerifiedExample,
  listApprovedVerifiedExamples,
  listVerifiedExamples,
} from "./verified-examples";

// The Knowledge page's review of verified examples: who sees which, who approves and deletes.
useMigratedAppDatabase();

const WAREHOUSE = "public";
let admin: { id: string };
let member: { id: string };
let other: { id: string };
let runId: string;

beforeAll(async () => {
  admin = (await createFirstAdmin({ email: "ada@example.com", name: "Ada", passwordHash: "x" }))!;
  member = (await createMember({ email: "mo@example.com", name: "Mo", passwordHash: "x" }))!;
  other = (await createMember({ email: "oz@example.com", name: "Oz", passwordHash: "x" }))!;
  runId = (await createRun({ userId: member.id, prompt: "revenue per month" })).id;
});

describe("verified examples on the Knowledge page", () => {
  const add = async (by: { id: string }, prompt: string, approved = false) => {
    const [row] = await getDb()
      .insert(verifiedExamples)
      .values({ warehouse: WAREHOUSE, prompt, spec: {}, createdBy: by.id, runId, approved })
      .returning();
    return row.id;
  };

  it("lists, approves and deletes them with the same rights as knowledge", async () => {
    const mine = await add(member, "revenue per month");
    const theirs = await add(other, "orders per customer");
    await add(admin, "payments per method", true);
    const prompts = async (by: { id: string }, isAdmin = false) =>
      (await listVerifiedExamples({ warehouse: WAREHOUSE, userId: by.id, isAdmin })).map((e) => e.prompt).sort();
    expect(await prompts(member)).toEqual(["payments per method", "revenue per month"]);
    expect(await prompts(admin, true)).toEqual(["orders per customer", "payments per method", "revenue per month"]);
    expect((await listVerifiedExamples({ warehouse: WAREHOUSE, userId: member.id, isAdmin: false }))[0]).toMatchObject({
      prompt: "revenue per month",
      by: "mo@example.com",
      runId,
      approved: false,
      useCount: 0,
    });

    expect(await approveVerifiedExample({ id: theirs, warehouse: WAREHOUSE })).toEqual({ id: theirs });
    expect(await approveVerifiedExample({ id: theirs, warehouse: "elsewhere" })).toBeNull();
    expect((await listApprovedVerifiedExamples({ warehouse: WAREHOUSE })).map((e) => e.prompt)).toEqual([
      "orders per customer",
      "payments per method",
    ]);

    expect(await deleteVerifiedExample({ id: theirs, warehouse: WAREHOUSE, pendingOf: other.id })).toBeNull();
    expect(await deleteVerifiedExample({ id: mine, warehouse: WAREHOUSE, pendingOf: other.id })).toBeNull();
    expect(await deleteVerifiedExample({ id: mine, warehouse: WAREHOUSE, pendingOf: member.id })).toEqual({ id: mine });
    expect(await deleteVerifiedExample({ id: theirs, warehouse: WAREHOUSE })).toEqual({ id: theirs });
    expect(await prompts(admin, true)).toEqual(["payments per method"]);
  });
});
