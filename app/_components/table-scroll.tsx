import type { ReactNode } from "react";

/**
 * Holds a table that may be wider than a phone: it scrolls sideways inside its card, never the
 * page. Focusable and named, so a keyboard user can scroll it and a screen reader announces it.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
