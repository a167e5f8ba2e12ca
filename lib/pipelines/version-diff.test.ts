import { describe, expect, it } from "vitest";
import { versionChanges } from "./version-diff";

const v1 = {
  targetTable: "customer_totals",
  engine: null,
  parameters: [],
  spec: { filters: [{ op: "=", value: "shipped" }], columns: [{ name: "total" }] },
};

describe("the changes between two versions of a pipeline", () => {
  it("names the target, each parameter and each value of the spec that changed", () => {
    const v2 = {
      ...v1,
      targetTable: "customer_totals_{{status}}",
      parameters: [{ name: "status", type: "text" as const, default: "shipped" }],
      spec: {
        target: { table: "customer_totals_{{status}}" },
        filters: [{ op: "=", value: "{{status}}" }],
        columns: [{ name: "total" }, { name: "count" }],
      },
    };
    expect(versionChanges(v1, v2)).toEqual([
      "target: customer_totals → customer_totals_{{status}}",
      'parameter status added (text, default "shipped")',
      'spec filters[0].value: "shipped" → "{{status}}"',
      'spec columns[1]: nothing → {"name":"count"}',
    ]);
    expect(versionChanges(v2, { ...v2, parameters: [] })).toEqual(["parameter status removed"]);
  });

  it("is empty for the same version, and says how many more changes a long list holds", () => {
    expect(versionChanges(v1, structuredClone(v1))).toEqual([]);
    const many = { ...v1, spec: { columns: Array.from({ length: 20 }, (_, i) => ({ name: `c${i}` })) } };
    const changes = versionChanges(v1, many);
    expect(changes).toHaveLength(12);
    expect(changes.at(-1)).toMatch(/^and \d+ more$/);
  });
});
