// GET /api/me – the signed-in user (401 JSON without a session)
import { NextResponse } from "next/server";
import { withUser } from "@/lib/http/handler";

export const GET = withUser("GET /api/me", async (_request, user) => NextResponse.json({ user }));
