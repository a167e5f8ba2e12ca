import { getSql } from "@/lib/db";
import { loadDemoWarehouse } from "@/lib/demo/load";
import type { Command } from "./commands";
import { CliError } from "./output";

export const demoCommand: Command = {
  usage:
    "Usage: npm run -s datamorph -- demo [--schema <schema>]\nRefuses when any of the five tables already exists there.",
  options: { schema: { type: "string" }, help: { type: "boolean" } },
  async run({ values, env, log }) {
    const schema = (values.schema as string | undefined) ?? env.sourceSchemas[0];
    try {
      const { ms } = await loadDemoWarehouse(getSql(), schema);
      log(`Loaded the demo shop into ${schema} in ${ms} ms`);
      return 0;
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), 1);
    }
  },
};
