// GET /api/schemas – readable tables with columns, types, keys and row estimates
import { NextResponse } from "next/server";
import { dataSchemas, readDataCatalog } from "@/lib/data/catalog";
import { getRoleClients } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withUser } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = withUser("GET /api/schemas", async () => {
  const schemas = dataSchemas(getEnv());
  const { tables } = await readDataCatalog((await getRoleClients()).reader, schemas);
  return NextResponse.json({ schemas, tables });
});
