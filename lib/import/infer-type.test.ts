import { describe, expect, it } from "vitest";
import { TypeInference, typeOfValue } from "./infer-type";

const infer = (values: string[]) => {
  const inference = new TypeInference();
  values.forEach((v) => inference.add(v));
  return inference.type;
};

describe("typeOfValue", () => {
  it.each([
    ["42", "integer"],
    ["-2147483648", "integer"],
    ["2147483648", "bigint"],
    ["-9223372036854775808", "bigint"],
    ["9223372036854775808", "numeric"],
    ["19.99", "numeric"],
    ["1.5e-3", "numeric"],
    ["true", "boolean"],
    ["No", "boolean"],
    ["2024-02-29", "date"],
    ["2024-01-01 08:30:00", "timestamp"],
    ["2024-01-01T08:30:00.123Z", "timestamptz"],
    ["2024-01-01 08:30:00+05:30", "timestamptz"],
  ])("reads %s as %s", (value, type) => {
    expect(typeOfValue(value)).toBe(type);
  });

  it.each([
    ["02134", "a code with a leading zero would lose it as a number"],
    ["1,234", "thousands separators"],
    ["2023-02-29", "no such day"],
    ["2024-13-01", "no such month"],
    ["01/02/2024", "day and month order is ambiguous"],
    ["2024-01-01 25:00", "no such hour"],
    ["NaN", "not a measurement"],
    [" 42", "padding is kept as written"],
  ])("keeps %s as text (%s)", (value) => {
    expect(typeOfValue(value)).toBe("text");
  });
});

describe("TypeInference", () => {
  it("widens to the narrowest type that holds every value", () => {
    expect(infer(["1", "2", "3"])).toBe("integer");
    expect(infer(["1", "9000000000"])).toBe("bigint");
    expect(infer(["1", "9000000000", "0.5"])).toBe("numeric");
    expect(infer(["2024-01-01", "2024-01-02 10:00"])).toBe("timestamp");
  });

  it("falls back to text when values mix families", () => {
    expect(infer(["1", "true"])).toBe("text");
    expect(infer(["2024-01-01", "7"])).toBe("text");
    expect(infer(["2024-01-01 10:00", "2024-01-01 10:00Z"])).toBe("text");
    expect(infer(["12", "unknown", "13"])).toBe("text");
  });

  it("calls a column with no values text", () => {
    expect(infer([])).toBe("text");
  });

  it("keeps 0/1 flags as integers, as their source declared them", () => {
    expect(infer(["0", "1", "1"])).toBe("integer");
  });
});
