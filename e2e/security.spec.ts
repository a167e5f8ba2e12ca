import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eAccessCode } from "../playwright.config";
import { admin, signUpInNewContext } from "./accounts";
import { listActionFiles, listPages, listRouteHandlers } from "./app-inventory";
import { AuthPages } from "./pages/auth-pages";
import { SEED, actionFiles, pages, routes } from "./security-coverage";
import { serverActionIds } from "./server-actions";
import { connectWarehouse } from "./warehouse";

const EVIL = "http://evil.example";
const signedOut = { cookies: [], origins: [] };

const writes = () =>
  Object.entries(routes).flatMap(([pattern, route]) =>
    Object.entries(route.methods)
      .filter(([method]) => !["GET", "HEAD", "OPTIONS"].includes(method))
      .map(([method, sample]) => ({ pattern, url: route.url, method, sample })),
  );

async function countChanges() {
  const sql = connectWarehouse();
  try {
    const [{ runs }] = await sql`select count(*)::int as runs from datamorph.runs`;
    const [{ tables }] = await sql`select count(*)::int as tables from pg_tables where schemaname = 'public'`;
    return { runs, tables };
  } finally {
    await sql.end();
  }
}

test("the suite covers every route handler, page and server action in app/", () => {
  const found = Object.fromEntries(listRouteHandlers().map((route) => [route.pattern, route.methods]));
  expect(found, "a route handler the security suite does not cover: add it to `routes`").toEqual(
    Object.fromEntries(Object.entries(routes).map(([pattern, route]) => [pattern, Object.keys(route.methods).sort()])),
  );
  expect(listPages(), "a page the security suite does not cover: add it to `pages`").toEqual(Object.keys(pages).sort());
  const actions = Object.fromEntries(listActionFiles().map((file) => [file.file, file.actions]));
  expect(actions, "a server action the security suite does not cover: add it to `actionFiles`").toEqual(
    Object.fromEntries(Object.entries(actionFiles).map(([file, entry]) => [file, Object.keys(entry.actions).sort()])),
  );
});

test.describe("signed out", () => {
  test.use({ storageState: signedOut });

  test("every route that needs a session answers 401 JSON, every protected page redirects to sign-in", async ({
    request,
  }) => {
    for (const [pattern, route] of Object.entries(routes)) {
      for (const [method, sample] of Object.entries(route.methods)) {
        const response = await request.fetch(route.url, { method, ...sample, maxRedirects: 0 });
        if (route.access === "public") expect(response.status(), `${method} ${pattern}`).toBeLessThan(500);
        else {
          expect(response.status(), `${method} ${pattern}`).toBe(401);
          expect((await response.json()).error.code).toBe("unauthorized");
        }
      }
    }
    for (const [pattern, page] of Object.entries(pages)) {
      const response = await request.get(page.url, { maxRedirects: 0 });
      if (page.access === "public") expect(response.status(), pattern).toBe(200);
      else {
        expect(response.status(), pattern).toBe(307);
        expect(response.headers().location, pattern).toContain(`/sign-in?callbackUrl=${encodeURIComponent(page.url)}`);
      }
    }
  });

  test("every server action that needs a session refuses without one", async ({ request, baseURL }) => {
    const ids = serverActionIds();
    for (const [file, entry] of Object.entries(actionFiles)) {
      for (const [name, access] of Object.entries(entry.actions)) {
        if (access !== "session") continue;
        const id = ids.get(`${file}#${name}`);
        expect(id, `${file}#${name} is in the build`).toBeDefined();
        const response = await request.post(entry.page, {
          headers: { "Next-Action": id!, Origin: baseURL!, "Content-Type": "text/plain;charset=UTF-8" },
          data: "[]",
        });
        expect(response.status(), `${file}#${name}`).toBe(200);
        expect(await response.text(), `${file}#${name}`).toContain("Sign in to continue.");
      }
    }
  });
});

test("a write from another site, with the user's cookie, is refused with 403 and changes nothing", async ({
  request,
  baseURL,
}) => {
  const before = await countChanges();
  const app = new URL(baseURL!);
  const otherPort = `${app.protocol}//${app.hostname}:${Number(app.port) + 1}`;
  for (const { pattern, url, method, sample } of writes()) {
    const foreign: Record<string, string>[] = [
      { Origin: EVIL },
      { Origin: otherPort },
      { "Sec-Fetch-Site": "cross-site" },
      { Origin: "null" },
    ];
    for (const headers of foreign) {
      const response = await request.fetch(url, { method, ...sample, headers: { ...sample.headers, ...headers } });
      expect(response.status(), `${method} ${pattern} with ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: "forbidden", message: expect.stringContaining("came from another site") },
      });
    }
    const plain = await request.fetch(url, {
      method,
      data: JSON.stringify({ prompt: SEED, sql: "select 1" }),
      headers: { Origin: baseURL!, "Content-Type": "text/plain" },
    });
    expect(plain.status(), `text/plain ${method} ${pattern}`).toBe(415);
    expect((await plain.json()).error.code).toBe("unsupported_media_type");
  }
  expect(await countChanges()).toEqual(before);
});

test("in the browser, a page on another port of the same host cannot start a run or upload a table", async ({
  page,
  baseURL,
}) => {
  const before = await countChanges();
  const app = new URL(baseURL!);
  const attacker = `${app.protocol}//${app.hostname}:${Number(app.port) + 1}`;
  await page.route(`${attacker}/**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Free prizes</title>" }),
  );
  await page.goto(`${attacker}/`);
  const upload = page.waitForRequest((r) => r.url().startsWith(`${baseURL}/api/tables`));
  await page.evaluate(
    async ({ base, prompt }) => {
      // The answers are opaque to this page (Chromium may even fail the fetch for them); what counts is what the server did.
      const send = (url: string, body: string) =>
        fetch(url, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "Content-Type": "text/plain" },
          body,
        }).catch(() => null);
      await send(`${base}/api/runs`, JSON.stringify({ prompt }));
      await send(`${base}/api/tables?name=stolen.csv`, "a\n1\n");
    },
    { base: baseURL!, prompt: SEED },
  );
  // The attack is real: the browser sent the user's session cookie along.
  expect((await (await upload).allHeaders()).cookie).toContain("authjs.session-token");
  expect(await countChanges()).toEqual(before);
});

test("a server action posted from another site answers 403, not 500", async ({ request }) => {
  const ids = serverActionIds();
  for (const [file, entry] of Object.entries(actionFiles)) {
    for (const name of Object.keys(entry.actions)) {
      const id = ids.get(`${file}#${name}`);
      expect(id, `${file}#${name} is in the build`).toBeDefined();
      const response = await request.post(entry.page, {
        headers: { "Next-Action": id!, Origin: EVIL, "Content-Type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(response.status(), `${file}#${name}`).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
  }
  // A plain form posted to a page from another site is refused the same way.
  const form = await request.post("/sign-in", {
    headers: { Origin: EVIL },
    multipart: { email: admin.email, password: "guess" },
  });
  expect(form.status()).toBe(403);
});

test("another member cannot open a run, its events or its report", async ({ request, browser }) => {
  const started = await request.post("/api/runs", { data: { prompt: SEED } });
  expect(started.status()).toBe(202);
  const { id } = await started.json();
  const { context, page } = await signUpInNewContext(browser, {
    name: "Mallory",
    email: "mallory@example.com",
    password: "mallory's long secret",
  });
  for (const url of [`/api/runs/${id}`, `/api/runs/${id}/events`, `/api/runs/${id}/report.pdf`]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }
  expect((await page.goto(`/runs/${id}`))?.status()).toBe(404);
  // Nor build its plan, or edit and re-run it.
  for (const [url, data] of [
    [`/api/runs/${id}/plan`, {}],
    [`/api/runs/${id}/rerun`, { prompt: SEED }],
  ] as const) {
    const response = await page.request.post(url, { data });
    expect(response.status(), url).toBe(404);
  }
  await context.close();
});

test.describe("rate limits", () => {
  test.use({ storageState: signedOut });

  test("30 wrong passwords lock the account, even for the right password, and the count is kept in Postgres", async ({
    browser,
    playwright,
    baseURL,
    page,
  }) => {
    const rita = { name: "Rita", email: "rita@example.com", password: "rita's long secret" };
    (await signUpInNewContext(browser, rita)).context.close();

    const api: APIRequestContext = await playwright.request.newContext({ baseURL });
    const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 30; attempt++) {
      const response = await api.post("/api/auth/callback/credentials", {
        form: { email: rita.email, password: `guess number ${attempt}`, csrfToken },
        maxRedirects: 0,
      });
      codes.push(
        new URL(response.headers().location ?? "http://x/").searchParams.get("code") ?? `status ${response.status()}`,
      );
    }
    await api.dispose();
    expect(codes.slice(0, 10)).toEqual(Array(10).fill("credentials"));
    expect(codes.slice(10)).toEqual(Array(20).fill("too_many_attempts"));

    const forms = new AuthPages(page);
    await page.goto("/sign-in");
    await forms.signIn(rita.email, rita.password);
    await expect(forms.alert()).toHaveText(/^Too many attempts; try again in 1[45] minutes\.$/);
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

    const sql = connectWarehouse();
    try {
      const [{ n }] =
        await sql`select count(*)::int as n from datamorph.rate_limit_hits where bucket = ${`sign-in:account:${rita.email}`}`;
      expect(n).toBe(10);
    } finally {
      await sql.end();
    }
  });

  test("wrong access codes stop sign-up for that email, even with the right code", async ({ page }) => {
    const forms = new AuthPages(page);
    await page.goto("/sign-up");
    const gus = { "Your name": "Gus", Email: "gus@example.com", Password: "gus's long secret" };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await forms.fill({ ...gus, "Access code": `guess-${attempt}` });
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-up"),
        page.getByRole("button", { name: "Create account" }).click(),
      ]);
      await expect(forms.alert()).toHaveText("That access code is not valid.");
    }
    await forms.fill({ ...gus, "Access code": e2eAccessCode });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(forms.alert()).toHaveText(/^Too many attempts; try again in 1[45] minutes\.$/);
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  });
});

test("every answer carries the security headers; pages allow only their own nonce's scripts", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
  expect(script, "the home page loads a Next.js script").toBeDefined();
  for (const response of [
    home,
    await request.get("/api/health"),
    await request.get(script!),
    await request.get("/logo.svg"),
  ]) {
    const headers = response.headers();
    expect(response.status(), response.url()).toBe(200);
    expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
    expect(headers["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], response.url()).toContain("camera=()");
    expect(headers["content-security-policy"], response.url()).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
  }
  const csp = home.headers()["content-security-policy"];
  const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src"))!;
  const nonce = scriptSrc.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce, "script-src has a nonce").toBeDefined();
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(html).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again, "a fresh nonce for every response").not.toBe(csp);
});

test("under the policy the home page works and a run page streams live, with no violation", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Describe the table you want");
  await page.getByRole("button", { name: SEED }).click();
  await page.getByRole("button", { name: "Build table" }).click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("event").filter({ hasText: "Run succeeded" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("code-sql")).toContainText('FROM "public"."customers"');
  expect(problems).toEqual([]);
});

test("signing out ends the session on the server: a copy of its cookie no longer works", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const context = await browser.newContext({ storageState: signedOut });
  const page = await context.newPage();
  const forms = new AuthPages(page);
  await page.goto("/sign-in");
  await forms.signIn(admin.email, admin.password);
  await expect(page.getByTestId("signed-in-as")).toHaveText(admin.email);
  const copied = await context.storageState();
  const thief = await playwright.request.newContext({ baseURL, storageState: copied });
  expect((await thief.get("/api/me")).status(), "the copy works while signed in").toBe(200);

  await forms.signOut();
  expect((await thief.get("/api/me")).status()).toBe(401);
  const data = await thief.get("/data", { maxRedirects: 0 });
  expect(data.status()).toBe(307);
  expect(data.headers().location).toContain("/sign-in");
  await thief.dispose();
  await context.close();
});
