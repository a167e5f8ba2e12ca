import type { Run } from "@/lib/db/schema";
import { statusLabel } from "@/lib/runs/status-label";

export function RunStatusBadge({ status }: { status: Run["status"] }) {
  return <span className={`badge ${status}`}>{statusLabel(status)}</span>;
}
