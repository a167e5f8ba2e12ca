import { readFileSync } from "node:fs";
import { it } from "vitest";
import { planWithEnglish } from "@/lib/planner/reading";
import { compileSql } from "@/lib/codegen/sql";
import { demoCatalog, demoSampleValues } from "@/lib/testing/fixtures/demo-catalog";
import { chinookCatalog } from "@/lib/testing/fixtures/chinook-catalog";
import { jaffleCatalog, jaffleSampleValues } from "@/lib/testing/fixtures/jaffle-catalog";
// demopub: the demo warehouse plus a table DataMorph published (customer_order_totals).
const demoPub = {
  ...demoCatalog,
  tables: [
    ...demoCatalog.tables,
    {
      ...demoCatalog.tables[0],
      name: "customer_order_totals",
      columns: [
        { name: "customer_id", dataType: "integer", nullable: false },
        { name: "total_order_amount", dataType: "numeric(12,2)", nullable: false },
      ],
      primaryKey: ["customer_id"],
      foreignKeys: [],
    },
  ],
};
const cats = {
  demo: [demoCatalog, demoSampleValues],
  demopub: [demoPub, demoSampleValues],
  chinook: [chinookCatalog, {}],
  jaffle: [jaffleCatalog, jaffleSampleValues],
} as const;
it("prints", () => {
  const file = process.env.TRY_FILE ?? "/tmp/cmp/try.txt";
  const verbose = !!process.env.TRY_VERBOSE;
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  for (const line of lines) {
    const [name, prompt, extra] = line.split("\t");
    const [catalog, sampleValues] = cats[name as keyof typeof cats];
    const options = extra ? JSON.parse(extra) : {};
    if (name === "demopub") options.derivedTables ??= ["public.customer_order_totals"];
    const e = planWithEnglish({ prompt, catalog, sampleValues, now: new Date("2025-06-15"), ...options });
    console.log(
      `### [${name}] ${prompt} => ${e.ok ? e.spec.target.table : ""}\n${e.ok ? compileSql({ spec: e.spec, catalog }) : `REFUSED ${e.code}: ${e.message}`}`,
    );
    if (verbose) {
      if (e.ok)
        console.log(
          `NOTES ${JSON.stringify(e.notes)} CONF ${e.confidence}${e.spec.asOf ? ` ASOF ${JSON.stringify(e.spec.asOf)}` : ""}`,
        );
      else if (e.questions)
        for (const q of e.questions)
          console.log(
            `QUESTION ${q.id} ${q.kind} ${q.text} :: ${q.choices.map((c) => `${c.id}=${c.label}`).join(" | ")}`,
          );
    }
  }
});
