// POST /api/tables/[name]/rollback – put back the version an upload replaced (?schema=, default the upload schema)
import { NextResponse } from "next/server";
import { getSql } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withUser } from "@/lib/http/handler";
import { rollbackUpload } from "@/lib/tables/rollback-upload";

export const POST = withUser<{ name: string }>("POST /api/tables/[name]/rollback", async (request, user, { name }) => {
  const schema = new URL(request.url).searchParams.get("schema") ?? getEnv().sourceSchemas[0];
  const { message } = await rollbackUpload({ sql: getSql(), schema, table: decodeURIComponent(name), user });
  return NextResponse.json({ ok: true, message });
});
