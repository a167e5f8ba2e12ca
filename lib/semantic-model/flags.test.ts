import { describe, expect, it } from "vitest";
import { flagOf } from "./flags";
import { nameWords } from "./words/name-words";

const flag = (name: string, dataType: string, values?: string[] | null) =>
  flagOf({ dataType, ...nameWords(name) }, values);

describe("flags", () => {
  it("reads every boolean column as a flag named without its is_/has_ prefix", () => {
    expect(flag("is_active", "boolean")).toEqual({ words: ["active", "is active"], trueValue: true });
    expect(flag("has_children", "boolean")).toEqual({
      words: ["children", "has children", "with children"],
      trueValue: true,
    });
    expect(flag("isPremium", "boolean")?.words[0]).toBe("premium");
  });

  it("reads a number column whose name says yes/no, unless its data holds other numbers", () => {
    expect(flag("discontinued", "integer")).toEqual({ words: ["discontinued"], trueValue: 1 });
    expect(flag("is_deleted", "smallint", ["0", "1"])?.trueValue).toBe(1);
    expect(flag("discontinued", "integer", ["0", "1", "2"])).toBeUndefined();
    expect(flag("discontinued", "integer", null)).toBeUndefined();
  });

  it("reads a 0/1 number column as a flag from its data, but not a count that happens to be 0 or 1", () => {
    expect(flag("premium", "integer", ["0", "1"])?.trueValue).toBe(1);
    expect(flag("quantity", "integer", ["0", "1"])).toBeUndefined();
    expect(flag("reorder_level", "smallint")).toBeUndefined();
  });

  it("reads Y/N text columns, keeping the yes value as the data spells it", () => {
    expect(flag("in_stock", "character varying(1)", ["N", "Y"])).toEqual({ words: ["in stock"], trueValue: "Y" });
    expect(flag("status", "text", ["open", "closed"])).toBeUndefined();
  });
});
