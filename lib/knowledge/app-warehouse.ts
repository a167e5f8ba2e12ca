import { getEnv } from "@/lib/env";
import { warehouseKey } from "@/lib/semantic-model/load-model";

/**
 * The warehouse this DataMorph's runs read, as knowledge and verified examples are kept under it:
 * the configured source schemas (what a run's options carry, see pipelineOptions).
 */
export const appWarehouse = () => warehouseKey(getEnv().sourceSchemas);
