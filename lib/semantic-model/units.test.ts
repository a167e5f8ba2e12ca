import { describe, expect, it } from "vitest";
import { defaultAggregate } from "./default-aggregate";
import { unitOf } from "./units";
import { nameWords } from "./words/name-words";

const unit = (name: string, type = "integer") => unitOf(nameWords(name).expanded, type);
const agg = (name: string, type = "integer") => defaultAggregate(nameWords(name).expanded, unit(name, type));

describe("units from names and types", () => {
  it("reads units that the name spells", () => {
    expect(unit("amount_cents")).toBe("cents");
    expect(unit("milliseconds")).toBe("ms");
    expect(unit("duration_ms")).toBe("ms");
    expect(unit("weight_grams")).toBe("g");
    expect(unit("bytes")).toBe("bytes");
    expect(unit("elapsed_seconds")).toBe("s");
    expect(unit("discount_pct", "numeric")).toBe("percent");
  });

  it("reads money from a two-place decimal with a money word, or a strong money word", () => {
    expect(unit("unit_price", "numeric(10,2)")).toBe("currency");
    expect(unit("total", "numeric(10,2)")).toBe("currency");
    expect(unit("amount", "numeric(12,2)")).toBe("currency");
    expect(unit("buyPrice", "numeric(10,2)")).toBe("currency");
    expect(unit("MSRP", "numeric(10,2)")).toBe("currency");
    expect(unit("unit_price", "real")).toBe("currency");
    expect(unit("balance", "money")).toBe("currency");
  });

  it("reads money from an exact decimal of no declared scale only when its name is what the row is worth", () => {
    expect(unit("total", "numeric")).toBe("currency");
    expect(unit("amount", "decimal")).toBe("currency");
    expect(unit("freight", "numeric")).toBeUndefined();
    expect(unit("total_weight", "numeric")).toBeUndefined();
    expect(unit("total", "double precision")).toBeUndefined();
  });

  it("reads money kept as a whole number as cents", () => {
    expect(unit("amount", "integer")).toBe("cents");
    expect(unit("unit_price", "bigint")).toBe("cents");
    expect(unit("total", "integer")).toBeUndefined();
  });

  it("gives no unit where neither name nor type says", () => {
    expect(unit("quantity")).toBeUndefined();
    expect(unit("salary", "integer")).toBeUndefined();
    expect(unit("total", "real")).toBeUndefined();
    expect(unit("discount", "numeric(4,2)")).toBeUndefined();
    expect(unit("creditLimit", "numeric(10,2)")).toBeUndefined();
  });
});

describe("default aggregates", () => {
  it("sums what adds up across rows", () => {
    for (const name of [
      "amount",
      "quantity",
      "quantityOrdered",
      "milliseconds",
      "bytes",
      "freight",
      "units_in_stock",
      "total_price",
      "population",
    ])
      expect(agg(name), name).toBe("sum");
  });

  it("averages per-row figures: prices, rates, scores, ages", () => {
    for (const name of [
      "unit_price",
      "priceEach",
      "MSRP",
      "discount",
      "tax_rate",
      "rating",
      "age",
      "lifeexpectancy",
      "discount_pct",
    ])
      expect(agg(name, "numeric"), name).toBe("avg");
  });
});
