import Link from "next/link";

type PagerProps = { summary: string; page: number; pageCount: number; href: (page: number) => string };

/** Previous and Next links around a summary of the rows shown. */
export function Pager({ summary, page, pageCount, href }: PagerProps) {
  const previous = Math.min(page - 1, pageCount);
  return (
    <nav className="pager" aria-label="Pages">
      <span className="muted" data-testid="page-summary">
        {summary}
      </span>
      <span className="muted">
        Page {page.toLocaleString("en-US")} of {pageCount.toLocaleString("en-US")}
      </span>
      <div className="row">
        {previous >= 1 ? (
          <Link className="button secondary" href={href(previous)}>
            Previous
          </Link>
        ) : (
          <span className="button secondary" aria-disabled="true">
            Previous
          </span>
        )}
        {page < pageCount ? (
          <Link className="button secondary" href={href(page + 1)}>
            Next
          </Link>
        ) : (
          <span className="button secondary" aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
