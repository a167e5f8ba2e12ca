// POST /api/query – read-only SQL console
import { NextResponse } from "next/server";
import { z } from "zod";
import { readJsonBody } from "@/lib/http/body";
import { withUser } from "@/lib/http/handler";
import { plainText } from "@/lib/input/plain-text";
import { runConsoleQuery } from "@/lib/query/console";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  sql: z
    .string()
    .superRefine(plainText("query (sql)", { multiline: true }))
    .trim()
    .min(1, "Write a query, for example: select * from orders limit 10")
    .max(100_000, "The query is too long (at most 100,000 characters)."),
});

export const POST = withUser("POST /api/query", async (request) => {
  const { sql } = await readJsonBody(request, {
    schema: querySchema,
    // Four bytes per character is the most a 100,000-character query can take as UTF-8 JSON.
    maxBytes: 400 * 1024,
    example: '{ "sql": "select …" }',
    limitHint: "a query is at most 100,000 characters",
  });
  return NextResponse.json(await runConsoleQuery(sql, { rowLimit: 1000 }));
});
