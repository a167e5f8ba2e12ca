// GET /api/tables/[name]/rows – one page of a table's rows, with its columns and row count
import { NextResponse } from "next/server";
import { z } from "zod";
import { dataSchemas } from "@/lib/data/catalog";
import { MAX_PAGE_SIZE, readTableRows } from "@/lib/data/table-rows";
import { getRoleClients } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withUser } from "@/lib/http/handler";
import { plainText } from "@/lib/input/plain-text";

export const dynamic = "force-dynamic";

const rowsQuerySchema = z.object({
  page: z.coerce.number().int("The page must be a whole number.").min(1, "Pages start at 1.").default(1),
  pageSize: z.coerce
    .number()
    .int("The page size must be a whole number.")
    .min(1)
    .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} rows per page.`)
    .default(50),
  schema: z.string().superRefine(plainText("schema name")).min(1).max(63).optional(),
});

export const GET = withUser<{ name: string }>("GET /api/tables/[name]/rows", async (request, _user, { name }) => {
  const parsed = rowsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Use ?page=1&pageSize=50.");
  const { page, pageSize, schema } = parsed.data;
  return NextResponse.json(
    await readTableRows({
      sql: (await getRoleClients()).reader,
      schemas: dataSchemas(getEnv()),
      table: name,
      schema,
      page,
      pageSize,
    }),
  );
});
