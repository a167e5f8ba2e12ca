// POST /api/query – read-only SQL console
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { withUser } from "@/lib/http/handler";
import { runConsoleQuery } from "@/lib/query/console";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  sql: z.string().trim().min(1, "Write a query, for example: select * from orders limit 10").max(100_000, "The query is too long (at most 100,000 characters)."),
});

export const POST = withUser("POST /api/query", async (request) => {
  // Four bytes per character is the most a 100,000-character query can take as UTF-8 JSON.
  if (Number(request.headers.get("content-length") ?? 0) > 400 * 1024) throw new AppError("payload_too_large", "The query is too long (at most 100,000 characters).");
  const parsed = querySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0]?.message ?? 'Send { "sql": "select …" } as JSON.');
  return NextResponse.json(await runConsoleQuery(parsed.data.sql, { rowLimit: 1000 }));
});
