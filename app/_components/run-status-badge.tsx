import type { Run } from "@/lib/db/schema";

export function RunStatusBadge({ status }: { status: Run["status"] }) {
  return <span className={`badge ${status}`}>{status.replace("_", " ")}</span>;
}
