import { beforeAll, describe, expect, it } from "vitest";
import { useMigratedAppDatabase } from "@/lib/testing/test-database";
import {
  approveKnowledge,
  deleteKnowledge,
  editKnowledge,
  listApprovedKnowledge,
  listKnowledgeFor,
  listWarehouseKnowledge,
  saveKnowledge,
} from "./knowledge";
import { createRun } from "./runs";
import { createFirstAdmin, createMember } from "./users";

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

const save = (by: { id: string }, phrase: string, meaning: string, approved = false) =>
  saveKnowledge({ warehouse: WAREHOUSE, kind: "reading", phrase, meaning, createdBy: by.id, runId, approved });
const phrasesSeenBy = async (by: { id: string }, isAdmin = false) =>
  (await listWarehouseKnowledge({ warehouse: WAREHOUSE, userId: by.id, isAdmin })).map((k) => k.phrase).sort();

describe("knowledge on the Knowledge page", () => {
  it("shows a member the approved entries and their own, an administrator every one, with author, run and uses", async () => {
    await save(admin, "revenue", "payments.amount", true);
    await save(member, "sales", "orders.amount");
    await save(other, "takings", "payments.amount");
    await saveKnowledge({
      warehouse: "elsewhere",
      kind: "reading",
      phrase: "revenue",
      meaning: "x.y",
      createdBy: admin.id,
      runId,
      approved: true,
    });
    expect(await phrasesSeenBy(member)).toEqual(["revenue", "sales"]);
    expect(await phrasesSeenBy(admin, true)).toEqual(["revenue", "sales", "takings"]);
    const [sales] = (await listWarehouseKnowledge({ warehouse: WAREHOUSE, userId: member.id, isAdmin: false })).filter(
      (k) => k.phrase === "sales",
    );
    expect(sales).toMatchObject({ by: "mo@example.com", runId, approved: false, useCount: 0, createdBy: member.id });
  });

  it("approving a member's entry makes it apply to everyone, in the planner's reading too", async () => {
    const sales = (await listWarehouseKnowledge({ warehouse: WAREHOUSE, userId: admin.id, isAdmin: true })).find(
      (k) => k.phrase === "sales",
    )!;
    expect((await listKnowledgeFor({ warehouse: WAREHOUSE, userId: other.id })).map((k) => k.phrase)).not.toContain(
      "sales",
    );
    expect(await approveKnowledge({ id: sales.id, warehouse: WAREHOUSE })).toEqual({ id: sales.id });
    expect((await listKnowledgeFor({ warehouse: WAREHOUSE, userId: other.id })).map((k) => k.phrase)).toContain(
      "sales",
    );
    expect((await listApprovedKnowledge({ warehouse: WAREHOUSE })).map((k) => k.phrase)).toEqual(["revenue", "sales"]);
    // An entry of another warehouse is not this one's to approve.
    const [elsewhere] = await listWarehouseKnowledge({ warehouse: "elsewhere", userId: admin.id, isAdmin: true });
    expect(await approveKnowledge({ id: elsewhere.id, warehouse: WAREHOUSE })).toBeNull();
  });

  it("edits the words and the meaning, and refuses words its author has an entry for already", async () => {
    const entries = await listWarehouseKnowledge({ warehouse: WAREHOUSE, userId: admin.id, isAdmin: true });
    const takings = entries.find((k) => k.phrase === "takings")!;
    await editKnowledge({ id: takings.id, warehouse: WAREHOUSE, phrase: "gross takings", meaning: "orders.amount" });
    expect(await phrasesSeenBy(admin, true)).toEqual(["gross takings", "revenue", "sales"]);
    await save(other, "income", "payments.amount");
    const income = (await listWarehouseKnowledge({ warehouse: WAREHOUSE, userId: other.id, isAdmin: false })).find(
      (k) => k.phrase === "income",
    )!;
    await expect(
      editKnowledge({ id: income.id, warehouse: WAREHOUSE, phrase: "Gross Takings", meaning: "orders.amount" }),
    ).rejects.toThrow(/already has an entry for "Gross Takings"/);
    expect(await phrasesSeenBy(other)).toEqual(["gross takings", "income", "revenue", "sales"]);
  });

  it("lets a member delete only their own pending entry; an administrator any", async () => {
    const seen = await listWarehouseKnowledge({ warehouse: WAREHOUSE, userId: admin.id, isAdmin: true });
    const id = (phrase: string) => seen.find((k) => k.phrase === phrase)!.id;
    // Approved, and not theirs: a member deletes neither.
    expect(await deleteKnowledge({ id: id("sales"), warehouse: WAREHOUSE, pendingOf: member.id })).toBeNull();
    expect(await deleteKnowledge({ id: id("income"), warehouse: WAREHOUSE, pendingOf: member.id })).toBeNull();
    expect(await deleteKnowledge({ id: id("income"), warehouse: WAREHOUSE, pendingOf: other.id })).toEqual({
      id: id("income"),
    });
    expect(await deleteKnowledge({ id: id("sales"), warehouse: WAREHOUSE })).toEqual({ id: id("sales") });
    expect(await phrasesSeenBy(admin, true)).toEqual(["gross takings", "revenue"]);
  });
});
