import { describe, expect, it } from "vitest";
import { EtlSpecSchema } from "@/lib/spec/etl-spec";
import { customerTotalsSpec } from "@/lib/testing/fixtures/demo-specs";

describe("EtlSpecSchema", () => {
  it("accepts a consistent spec and survives a JSON round trip unchanged", () => {
    const spec = customerTotalsSpec();
    expect(EtlSpecSchema.parse(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it("rejects a column of a source the spec does not have", () => {
    const spec = customerTotalsSpec({
      filters: [{ op: "is_null", column: { source: "payments", column: "amount" }, phrase: "" }],
    });
    const r = EtlSpecSchema.safeParse(spec);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain('unknown source alias "payments"');
  });

  it("rejects a grain key that is not an output column", () => {
    const spec = customerTotalsSpec();
    spec.columns = spec.columns.slice(1);
    expect(EtlSpecSchema.safeParse(spec).error?.issues.map((i) => i.message)).toContain(
      "grain key customers.customer_id is not an output column",
    );
  });

  it("rejects output names that are not plain snake_case identifiers", () => {
    const spec = customerTotalsSpec();
    spec.columns[1].name = 'x"; drop table y';
    expect(EtlSpecSchema.safeParse(spec).success).toBe(false);
  });

  it("rejects ordering by an unknown output and sum(*)", () => {
    expect(
      EtlSpecSchema.safeParse(customerTotalsSpec({ orderBy: [{ output: "nope", direction: "asc", phrase: "" }] }))
        .success,
    ).toBe(false);
    const spec = customerTotalsSpec();
    spec.columns[1].expr = { kind: "aggregate", fn: "sum", arg: { kind: "star" } };
    expect(EtlSpecSchema.safeParse(spec).success).toBe(false);
  });

  it("rejects a join that does not bring in the next source", () => {
    const spec = customerTotalsSpec();
    spec.joins[0].right = "customers";
    expect(EtlSpecSchema.safeParse(spec).success).toBe(false);
  });

  it("checks an existence filter's source, step aliases, lookups and conditions", () => {
    const step = {
      schema: "public",
      table: "orders",
      alias: "past_orders",
      on: [{ left: "customer_id", right: "customer_id" }],
    };
    const messages = (filter: object) =>
      EtlSpecSchema.safeParse(customerTotalsSpec({ filters: [filter as never] })).error?.issues.map((i) => i.message) ??
      [];
    expect(messages({ op: "not_exists", source: "customers", path: [step], phrase: "never ordered" })).toEqual([]);
    expect(messages({ op: "not_exists", source: "payments", path: [step], phrase: "" })).toContain(
      'unknown source alias "payments"',
    );
    expect(
      messages({ op: "not_exists", source: "customers", path: [{ ...step, alias: "orders" }], phrase: "" }),
    ).toContain('existence step alias "orders" is already taken');
    expect(
      messages({
        op: "exists",
        source: "customers",
        path: [step],
        lookups: [{ ...step, alias: "p", from: "nowhere" }],
        phrase: "",
      }),
    ).toContain('lookup 0 joins "nowhere", which is not an earlier step');
    expect(
      messages({
        op: "exists",
        source: "customers",
        path: [step],
        where: [{ op: "is_null", column: { source: "orders", column: "status" }, phrase: "" }],
        phrase: "",
      }),
    ).toContain('an existence condition reads "orders", which is not one of its steps');
    expect(messages({ op: "exists", source: "customers", path: [step], minCount: 0, phrase: "" })).not.toEqual([]);
  });
});
