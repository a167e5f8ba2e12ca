import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { REFUSAL_REASONS } from "./refusal";

export const EvalCaseSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/, "ids use letters, digits, '.', '_' and '-'"),
  prompt: z.string().max(4000),
  expect: z.union(
    [z.object({ sql: z.string().min(1) }), z.object({ reject: z.union([z.literal(true), z.enum(REFUSAL_REASONS)]) })],
    {
      error: `must be { "sql": "<gold select>" } or { "reject": true | ${REFUSAL_REASONS.map((r) => `"${r}"`).join(" | ")} }`,
    },
  ),
  /** A Postgres URL, or the name of a database on the same server as DataMorph's. */
  database: z.string().optional(),
  tags: z.array(z.string()).optional(),
  /**
   * Answers to the questions the planner may ask, so the case is graded once they are settled:
   * a question's id, or words of its phrase ("revenue" answers "total revenue") → the label of
   * the choice to take.
   */
  answers: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).optional(),
});

/** A case as read from its file; `file` names that file (without folder and extension) in summaries. */
export type EvalCase = z.infer<typeof EvalCaseSchema> & { file?: string };

const fileLabel = (file: string) => path.basename(file).replace(/\.(json|ya?ml)$/i, "");

/**
 * Reads eval files (JSON or YAML), applies a file's default database to its cases and keeps the
 * cases named in `only` (all when empty). Ids must be unique across the files.
 */
export async function loadEvalCases(files: string[], only: string[] = []): Promise<EvalCase[]> {
  const cases: EvalCase[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => {
      throw new Error(`Cannot read eval file ${file}.`);
    });
    let raw: unknown[] | { cases?: unknown; database?: string } | null;
    try {
      raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      throw new Error(
        `${path.basename(file)} is not valid ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"}: ${error instanceof Error ? error.message : error}`,
      );
    }
    const list: unknown = Array.isArray(raw) ? raw : raw?.cases;
    if (!Array.isArray(list))
      throw new Error(`${path.basename(file)}: expected a list of cases, or { "database": …, "cases": [ … ] }.`);
    list.forEach((item, index) => {
      const parsed = EvalCaseSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${path.basename(file)}: cases.${index}.${issue.path.join(".")}: ${issue.message}`);
      }
      cases.push({
        ...parsed.data,
        database: parsed.data.database ?? (Array.isArray(raw) ? undefined : raw?.database),
        file: fileLabel(file),
      });
    });
  }
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`Case id "${c.id}" appears twice.`);
    seen.add(c.id);
  }
  if (only.length === 0) return cases;
  const unknown = only.filter((id) => !seen.has(id));
  if (unknown.length > 0) throw new Error(`No case with id ${unknown.join(", ")}.`);
  return cases.filter((c) => only.includes(c.id));
}
