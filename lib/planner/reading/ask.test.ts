import { describe, expect, it } from "vitest";
import type { Catalog } from "@/lib/catalog/types";
import type { Answers } from "@/lib/planner/questions";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { planWithEnglish } from "./index";

const plan = (prompt: string, answers?: Answers, catalog: Catalog = demoCatalog) =>
  planWithEnglish({ prompt, catalog, sampleValues: demoSampleValues, answers, now: new Date("2025-06-15") });

function questionsOf(prompt: string, answers?: Answers) {
  const result = plan(prompt, answers);
  if (result.ok) throw new Error(`${prompt} was built without a question`);
  return result.questions ?? [];
}

describe("questions of the reading planner", () => {
  it("asks which money column revenue means when orders and payments both hold one, likeliest first", () => {
    const [question, ...more] = questionsOf("revenue per month");
    expect(more).toEqual([]);
    expect(question.phrase).toBe("revenue");
    expect(question.choices.map((c) => [c.id, c.label])).toEqual([
      ["c1", "orders.amount"],
      ["c2", "payments.amount"],
      ["rephrase", "None of these — rephrase"],
    ]);
    expect(question.choices[0].reading).toBe("total orders.amount per month of orders.order_date");
    expect(question.choices[1].reading).toBe("total payments.amount per month of payments.paid_at");
  });

  it("builds the chosen reading when answered, and ends on 'none of these'", () => {
    const [question] = questionsOf("revenue per month");
    const payments = plan("revenue per month", { [question.id]: "c2" });
    expect(payments.ok && payments.spec.sources.map((s) => s.table)).toEqual(["payments"]);
    expect(payments.ok && payments.spec.columns.map((c) => c.expr)).toContainEqual({
      kind: "aggregate",
      fn: "sum",
      arg: { kind: "column", column: { source: "payments", column: "amount" } },
    });
    const orders = plan("revenue per month", { [question.id]: "c1" });
    expect(orders.ok && orders.spec.sources.map((s) => s.table)).toEqual(["orders"]);
    expect(plan("revenue per month", { [question.id]: "rephrase" })).toMatchObject({
      ok: false,
      code: "ambiguous",
      message: expect.stringMatching(/rephrase/),
    });
  });

  it("asks the same question, with the same id, whatever the order of the catalog's tables", () => {
    const reversed = { tables: [...demoCatalog.tables].reverse() };
    const a = plan("revenue per month");
    const b = plan("revenue per month", undefined, reversed);
    expect(
      !a.ok && !b.ok && JSON.stringify(b.questions?.map(({ id, choices }) => [id, choices.map((c) => c.label)])),
    ).toBe(JSON.stringify(!a.ok && a.questions?.map(({ id, choices }) => [id, choices.map((c) => c.label)])));
  });

  it("keeps asking when an answer names no choice of the question", () => {
    const [question] = questionsOf("revenue per month");
    expect(questionsOf("revenue per month", { [question.id]: "c9" }).map((q) => q.id)).toEqual([question.id]);
    expect(questionsOf("revenue per month", { q00000000: "c1" }).map((q) => q.id)).toEqual([question.id]);
  });

  it("never asks what the data decides: one table's amount, or readings that build the same table", () => {
    for (const prompt of ["number of orders per status", "amount by method", "orders in 2024"]) {
      const result = plan(prompt);
      expect(result.ok, prompt).toBe(true);
    }
  });

  it("reads a word English lacks, one letter from only one word of the warehouse, as that word and says so", () => {
    const typed = plan("number of custmers per country");
    const spelled = plan("number of customers per country");
    expect(typed.ok && spelled.ok && typed.spec.columns.map((c) => c.expr)).toEqual(
      spelled.ok && spelled.spec.columns.map((c) => c.expr),
    );
    expect(typed.ok && typed.notes[0]).toMatch(/^read "custmers" as "customer"/);
    // The reading rests on a guess: it is less sure than the same request spelled right.
    expect(typed.ok && spelled.ok && typed.confidence < spelled.confidence).toBe(true);
    // A misspelling whose own lemma is another word ("staus" → "stau") is read the same way.
    const status = plan("number of orders per staus");
    expect(status.ok && status.spec.grain.map((g) => g.column.column)).toEqual(["status"]);
  });

  it("asks which word a misspelling stands for when the typed word is English, and reads it so once answered", () => {
    // "county" is a word of its own: the request may mean it, so it is never read as "country" unasked.
    const prompt = "number of customers per county";
    const [question] = questionsOf(prompt);
    expect(question).toMatchObject({ kind: "spelling", phrase: "county" });
    expect(question.choices[0].label).toBe("country");
    const answered = plan(prompt, { [question.id]: "c1" });
    expect(answered.ok && answered.spec.grain.map((g) => g.column.column)).toEqual(["country"]);
  });

  it("asks about a misspelling that the model knows only inside a phrase, and reads the phrase once answered", () => {
    const [question] = questionsOf("average unti price per product");
    expect(question).toMatchObject({ kind: "spelling", phrase: "unti" });
    expect(question.choices[0]).toMatchObject({ label: "unit", reading: expect.stringContaining("(unit price)") });
    // Read as "unit price", the words name two columns: the next question is between them.
    const [next] = questionsOf("average unti price per product", { [question.id]: question.choices[0].id });
    expect(next).toMatchObject({ kind: "reading" });
    expect(next.choices.map((c) => c.label)).toEqual([
      "products.unit_price",
      "order_items.unit_price",
      "None of these — rephrase",
    ]);
  });

  it("reads a misspelled grammar word as that word when it is the only one a letter away", () => {
    const built = plan("number of diffrent customers per product category");
    expect(built.ok && built.spec.columns.map((c) => c.expr.kind === "aggregate" && c.expr.fn)).toContain(
      "count_distinct",
    );
    expect(built.ok && built.notes[0]).toMatch(/^read "diffrent" as "different"/);
    // A word one letter from several grammar words, or from none, is not guessed.
    expect(plan("number of customers per product category, pleese")).toMatchObject({ ok: false });
  });

  it("reads a certain misspelling first, then asks between the readings the corrected word leaves", () => {
    const [reading] = questionsOf("total revnue per month");
    expect(reading.kind).toBe("reading");
    expect(reading.choices.map((c) => c.label).slice(0, 2)).toEqual(["orders.amount", "payments.amount"]);
    const built = plan("total revnue per month", { [reading.id]: "c2" });
    expect(built.ok && built.spec.sources.map((s) => s.table)).toEqual(["payments"]);
  });
});
