import type { Run } from "@/lib/db/schema";

/** A run status as people read it: "in review", "needs input". */
export const statusLabel = (status: Run["status"]) => status.replaceAll("_", " ");
