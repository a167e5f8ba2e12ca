import { quoteIdent } from "@/lib/db/ident";
import type { TestContext } from "./generate-tests";
import { differs } from "./tolerance";
import type { DataTest } from "./types";

const q = quoteIdent;

/**
 * Shares and ratios, checked on the built table against the outputs they divide: each ratio is
 * its numerator over its denominator on the same row, each share its output over the column's
 * total, and (with every group kept, no LIMIT) the shares add up to the whole. Numerators and
 * denominators are themselves reconciled with the sources.
 */
export function derivedTests({ spec, target }: TestContext): DataTest[] {
  return spec.columns.flatMap((column, index): DataTest[] => {
    const { expr } = column;
    if (expr.kind !== "share" && expr.kind !== "ratio") return [];
    const scale = expr.percent ? " * 100" : "";
    const actual = `t.${q(column.name)}`;
    const base = {
      kind: "derived" as const,
      clause: `columns[${index}]`,
      phrase: column.phrase,
      blocking: true,
      output: column.name,
    };
    if (expr.kind === "ratio") {
      const expected = `t.${q(expr.numerator)}::numeric${scale} / nullif(t.${q(expr.denominator)}, 0)`;
      return [
        {
          ...base,
          name: `ratio_${column.name}`,
          description: `${column.name} is ${expr.numerator} / ${expr.denominator}${scale ? " × 100" : ""} on every row`,
          failingSql: `SELECT * FROM ${target} t WHERE (${actual} IS NULL) <> ((${expected}) IS NULL) OR ${differs(actual, `(${expected})`, true)}`,
        },
      ];
    }
    // With a LIMIT the table keeps some groups, but the share is still of the whole.
    if (spec.limit) return [];
    const whole = expr.percent ? "100" : "1";
    return [
      {
        ...base,
        name: `share_${column.name}`,
        description: `${column.name} is each row's ${expr.of} over the total of ${expr.of}${scale ? " × 100" : ""}, and the shares add up to ${whole}`,
        failingSql: [
          `WITH total AS (SELECT sum(${q(expr.of)}) AS s FROM ${target})`,
          `SELECT 'share differs' AS problem, ${actual}::text AS actual FROM ${target} t, total WHERE total.s <> 0 AND ${differs(actual, `(t.${q(expr.of)}::numeric${scale} / total.s)`, true)}`,
          `UNION ALL`,
          `SELECT 'shares add up to ' || sum(${actual})::text, NULL FROM ${target} t, total WHERE total.s <> 0 HAVING ${differs(`sum(${actual})`, whole, true)}`,
        ].join("\n"),
      },
    ];
  });
}
