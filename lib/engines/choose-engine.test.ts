import { describe, expect, it } from "vitest";
import { chooseEngine, DEFAULT_GLUE_MIN_SOURCE_ROWS } from "./choose-engine";

describe("chooseEngine", () => {
  it("builds in Postgres unless the run asks otherwise, however large the sources", () => {
    expect(chooseEngine({ sourceRows: 10 ** 9, glueAvailable: true })).toEqual({
      engine: "sql",
      reason: "the run asks for SQL",
    });
  });

  it("auto: Postgres below the threshold, Glue from it on", () => {
    const at = (sourceRows: number) =>
      chooseEngine({ requested: "auto", sourceRows, glueMinSourceRows: 1_000, glueAvailable: true });
    expect(at(999)).toEqual({ engine: "sql", reason: "999 source rows, below the Glue threshold of 1,000" });
    expect(at(1_000)).toEqual({ engine: "glue", reason: "1,000 source rows, at least the Glue threshold of 1,000" });
  });

  it("auto: a default threshold that keeps small warehouses in Postgres", () => {
    expect(
      chooseEngine({ requested: "auto", sourceRows: DEFAULT_GLUE_MIN_SOURCE_ROWS - 1, glueAvailable: true }).engine,
    ).toBe("sql");
    expect(
      chooseEngine({ requested: "auto", sourceRows: DEFAULT_GLUE_MIN_SOURCE_ROWS, glueAvailable: true }).engine,
    ).toBe("glue");
  });

  it("auto: stays in Postgres, and says why, where Glue is not configured", () => {
    expect(
      chooseEngine({ requested: "auto", sourceRows: 2_000, glueMinSourceRows: 1_000, glueAvailable: false }),
    ).toEqual({
      engine: "sql",
      reason: "2,000 source rows, at least the Glue threshold of 1,000, but Glue is not configured here",
    });
  });

  it("glue: insists, and names what to configure where Glue is missing", () => {
    expect(chooseEngine({ requested: "glue", sourceRows: 1, glueAvailable: true }).engine).toBe("glue");
    expect(() => chooseEngine({ requested: "glue", sourceRows: 1, glueAvailable: false })).toThrow(
      /Glue is not configured.*DATAMORPH_GLUE_ROLE_ARN, DATAMORPH_GLUE_CONNECTION.*DATAMORPH_ARTIFACTS_BUCKET/,
    );
  });
});
