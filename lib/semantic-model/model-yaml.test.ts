import { describe, expect, it } from "vitest";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { buildSemanticModel } from "./build-model";
import { checkModelReferences } from "./check-references";
import { exportModelYaml, importModelYaml, ModelImportError, readModelYaml } from "./model-yaml";
import type { UserOverlay } from "./user-overlay";

const model = buildSemanticModel(chinookCatalog);
const yaml = exportModelYaml(model);

function problemsOf(text: string): string[] {
  try {
    importModelYaml(text);
  } catch (error) {
    if (error instanceof ModelImportError) return error.problems;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("the model as YAML", () => {
  it("writes snake_case keys, short lists on one line, and reads back the same model", () => {
    expect(yaml).toContain("time_dimensions:");
    expect(yaml).toContain("default_agg: sum");
    expect(yaml).toContain("from_columns: [support_rep_id]");
    expect(yaml).toMatch(/- \{phrase: report to, subject: from\}/);
    expect(importModelYaml(yaml)).toEqual(model);
  });

  it("names the field and the allowed values when a value does not fit", () => {
    const problems = problemsOf(yaml.replace("default_agg: sum", "default_agg: total"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^entities\[\d+\] \(public\.invoice\)\.measures\[0\]\.default_agg: .*"sum".*"avg"/);
  });

  it("refuses a misspelt key rather than ignoring it", () => {
    expect(problemsOf(yaml.replace("default_agg: sum", "defualt_agg: sum"))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/measures\[0\]: unknown key "defualt_agg"/),
        expect.stringMatching(/measures\[0\]\.default_agg: /),
      ]),
    );
  });

  it("reports a syntax error with its line", () => {
    const [problem] = problemsOf("entities:\n  - table: public.album\n   name: [album\n");
    expect(problem).toMatch(/line \d+/);
  });

  it("refuses a file that is not a model", () => {
    expect(problemsOf("- just\n- a list\n")[0]).toMatch(/mapping/);
    expect(problemsOf("format_version: 2\ncatalog_hash: x\nentities: []\nrelationships: []\n")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^format_version: /), expect.stringMatching(/^catalog_hash: /)]),
    );
  });

  it("checks every table and column a model names against the catalog", () => {
    expect(checkModelReferences(model, chinookCatalog)).toEqual([]);
    const edited = importModelYaml(
      yaml.replace("column: composer", "column: songwriter").replace("to: public.genre", "to: public.genres"),
    );
    expect(checkModelReferences(edited, chinookCatalog)).toEqual([
      expect.stringMatching(/\(public\.track\): public\.track has no column "songwriter"/),
      expect.stringMatching(/→ public\.genres\): there is no table public\.genres/),
    ]);
  });
});

describe("the user overlay of a model file", () => {
  const overlay: UserOverlay = {
    knowledge: [
      {
        phrase: "revenue",
        meaning: "invoice.total",
        kind: "reading",
        by: "ada@example.com",
        at: new Date("2025-03-01T10:00:00Z"),
        run: "6f1c0b9e-0000-4000-8000-000000000001",
      },
    ],
    verifiedExamples: [{ prompt: "sales per genre", by: null, at: new Date("2025-03-02T11:30:00Z"), run: null }],
  };
  const exported = exportModelYaml(model, overlay);

  it("follows the model with each entry's meaning and provenance, and says where it is managed", () => {
    const section = exported.slice(exported.indexOf("user_overlay:"));
    expect(exported.slice(0, exported.indexOf("user_overlay:"))).toMatch(/# .*Managed on the Knowledge page/);
    expect(section).toContain(
      [
        "  knowledge:",
        "    - phrase: revenue",
        "      meaning: invoice.total",
        "      kind: reading",
        "      by: ada@example.com",
        "      at: 2025-03-01T10:00:00.000Z",
        "      run: 6f1c0b9e-0000-4000-8000-000000000001",
      ].join("\n"),
    );
    expect(section).toContain("  verified_examples:\n    - prompt: sales per genre\n      by: null\n");
  });

  it("is left out on import, which says so, and the model reads back the same", () => {
    expect(readModelYaml(exported)).toEqual({ model, ignored: expect.stringMatching(/managed on the Knowledge page/) });
  });

  it("never fails an import, whatever was done to it", () => {
    const edited = exported.replace("kind: reading", "kind: guess\n      extra: [1, 2]");
    expect(readModelYaml(edited).model).toEqual(model);
    expect(readModelYaml(`${yaml}user_overlay: just a note\n`).ignored).toBeDefined();
  });

  it("reports nothing for an empty overlay, as an export of a warehouse without knowledge writes it", () => {
    const empty = exportModelYaml(model, { knowledge: [], verifiedExamples: [] });
    expect(empty).toContain("user_overlay:\n  knowledge: []\n  verified_examples: []\n");
    expect(readModelYaml(empty)).toEqual({ model });
  });
});
