import type { Run } from "@/lib/db/schema";

/**
 * What the runs list shows, as its URL says it: `/runs?q=orders&status=failed&mine=1&page=2`.
 * People's runs, or with `kind=evaluation` the runs evaluations made, never both in one list.
 */
export type RunsQuery = { q: string; status: Run["status"] | null; mine: boolean; page: number; evaluations: boolean };

const STATUSES: readonly Run["status"][] = [
  "queued",
  "running",
  "succeeded",
  "failed",
  "rejected",
  "interrupted",
  "needs_input",
  "in_review",
];
/** Long enough for any prompt fragment worth searching by; longer text is cut. */
export const MAX_SEARCH_CHARS = 200;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The runs list's query from its URL; anything unreadable falls back to the default (all, first page). */
export function parseRunsQuery(params: Record<string, string | string[] | undefined>): RunsQuery {
  const q = (first(params.q) ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed from the search
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, MAX_SEARCH_CHARS);
  const status = STATUSES.find((s) => s === first(params.status)) ?? null;
  const page = Math.max(1, Math.min(10_000, Math.floor(Number(first(params.page) ?? 1)) || 1));
  return { q, status, mine: first(params.mine) === "1", page, evaluations: first(params.kind) === "evaluation" };
}

/** The URL of the runs list for `query`, default values left out so links stay short. */
export function runsListUrl(query: RunsQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.mine) params.set("mine", "1");
  if (query.evaluations) params.set("kind", "evaluation");
  if (query.page > 1) params.set("page", String(query.page));
  return params.size > 0 ? `/runs?${params}` : "/runs";
}
