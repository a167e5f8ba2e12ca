// POST /api/tables – import an uploaded CSV file as a new table (or replace one of your uploads)
import { NextResponse } from "next/server";
import { z } from "zod";
import { importUpload } from "@/lib/data/import-upload";
import { MAX_UPLOAD_BYTES, UPLOAD_BODY_TYPES, readCsvUpload } from "@/lib/data/upload";
import { getSql } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withUser } from "@/lib/http/handler";
import { withSecurityHeaders } from "@/lib/http/unproxied-route";
import { plainText } from "@/lib/input/plain-text";

export const dynamic = "force-dynamic";

const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const uploadFieldsSchema = z.object({
  table: z.preprocess(
    emptyAsUndefined,
    z.string().superRefine(plainText("table name")).trim().max(63, "A table name is at most 63 characters.").optional(),
  ),
  replace: z
    .preprocess(emptyAsUndefined, z.enum(["true", "false", "on", "1", "0"]).optional())
    .transform((v) => v === "true" || v === "on" || v === "1"),
});

// Not seen by proxy.ts (see its matcher), so that a large file arrives whole.
export const POST = withSecurityHeaders(
  withUser(
    "POST /api/tables",
    async (request, user) => {
      const upload = await readCsvUpload(request, MAX_UPLOAD_BYTES);
      const parsed = uploadFieldsSchema.safeParse(upload.fields);
      if (!parsed.success)
        throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Check the table name.");
      const schema = getEnv().sourceSchemas[0];
      const result = await importUpload({
        sql: getSql(),
        user,
        upload,
        schema,
        ...parsed.data,
        maxBytes: MAX_UPLOAD_BYTES,
      });
      return NextResponse.json(result, { status: 201 });
    },
    UPLOAD_BODY_TYPES,
  ),
);
