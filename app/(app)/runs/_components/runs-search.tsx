import Link from "next/link";
import type { Run } from "@/lib/db/schema";
import { MAX_SEARCH_CHARS, runsListUrl, type RunsQuery } from "@/lib/runs/runs-query";
import { statusLabel } from "@/lib/runs/status-label";
import styles from "./runs-search.module.css";

/**
 * The runs list's search: a plain GET form, so every search and page is a URL that can be
 * shared, bookmarked, and works before any script loads.
 */
export function RunsSearch({
  query,
  statuses,
  counts,
  isAdmin,
}: {
  query: RunsQuery;
  statuses: Run["status"][];
  counts: Partial<Record<Run["status"], number>>;
  isAdmin: boolean;
}) {
  return (
    <div className="stack">
      <form className={styles.form} action="/runs" method="get" role="search" aria-label="Search runs">
        <input
          name="q"
          type="search"
          aria-label="Search runs"
          defaultValue={query.q}
          maxLength={MAX_SEARCH_CHARS}
          placeholder={isAdmin ? "Prompt, table, pipeline or user" : "Prompt, table or pipeline"}
        />
        {query.status && <input type="hidden" name="status" value={query.status} />}
        {query.evaluations && <input type="hidden" name="kind" value="evaluation" />}
        {isAdmin && (
          <label className={styles.check}>
            <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} /> Mine only
          </label>
        )}
        <button type="submit" className="button secondary">
          Search
        </button>
      </form>
      <nav className="row" aria-label="Filter by status">
        <Link
          className={`chip${query.status ? "" : " active"}`}
          href={runsListUrl({ ...query, status: null, page: 1 })}
          aria-current={query.status ? undefined : "page"}
        >
          all
        </Link>
        {statuses.map((s) => (
          <Link
            key={s}
            className="chip"
            href={runsListUrl({ ...query, status: s, page: 1 })}
            aria-current={s === query.status ? "page" : undefined}
          >
            {statusLabel(s)} {counts[s] ? `(${counts[s]})` : ""}
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** Which runs of how many this page shows, and the way to the pages beside it. */
export function RunsPager({ query, total, pageSize }: { query: RunsQuery; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (query.page - 1) * pageSize;
  return (
    <nav className="row muted" aria-label="Pages of runs" data-testid="runs-pager">
      <span>
        {total === 0
          ? "No runs match."
          : `Runs ${Math.min(total, from + 1)}–${Math.min(total, from + pageSize)} of ${total.toLocaleString("en-US")}`}
      </span>
      {query.page > 1 && (
        <Link className="button secondary" href={runsListUrl({ ...query, page: Math.min(query.page - 1, pages) })}>
          Previous
        </Link>
      )}
      {query.page < pages && (
        <Link className="button secondary" href={runsListUrl({ ...query, page: query.page + 1 })}>
          Next
        </Link>
      )}
    </nav>
  );
}
