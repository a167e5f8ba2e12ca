import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema and applied on start by `lib/db/migrate.ts`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/index.ts",
  out: "./drizzle",
  schemaFilter: ["datamorph"],
  migrations: { schema: "datamorph", table: "__migrations" },
});
