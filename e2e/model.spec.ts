import { expect, test, type Page } from "@playwright/test";
import { parse, stringify } from "yaml";
import { signUpInNewContext } from "./accounts";

type ModelFile = { entities: { table: string; synonyms?: string[]; dimensions: { column: string }[] }[] };

const chooseModelFile = (page: Page, text: string) =>
  page
    .getByLabel("Model file (YAML)")
    .setInputFiles({ name: "model.yaml", mimeType: "application/yaml", buffer: Buffer.from(text) });

test("the model page shows what each table and column means; an administrator loads an edited model and sees it", async ({
  page,
  request,
}) => {
  await page.goto("/model");
  await expect(page.getByRole("heading", { name: "Semantic model", level: 1 })).toBeVisible();
  const customers = page
    .getByTestId("model-entity")
    .filter({ has: page.getByRole("heading", { name: "public.customers" }) });
  await expect(customers).toContainText('Called "customer", "customers"');
  await expect(customers.getByRole("row", { name: /country/ })).toContainText("values:");
  await expect(page.getByTestId("model-relationships")).toContainText("public.orders.customer_id");
  const version = Number((await page.getByTestId("model-version").textContent())?.match(/Version (\d+)/)?.[1]);

  const download = await request.get("/api/model");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("application/yaml");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="semantic-model-v\d+\.yaml"$/);
  const model = parse(await download.text()) as ModelFile;
  const entity = model.entities.find((e) => e.table === "public.customers")!;
  entity.synonyms = [...(entity.synonyms ?? []), "patrons"];

  const loader = page.getByRole("region", { name: "Load an edited model" });
  await chooseModelFile(page, stringify(model));
  await page.getByRole("button", { name: "Load model" }).click();
  await expect(loader.getByRole("status")).toHaveText(`Loaded as version ${version + 1}.`);
  await expect(customers).toContainText('"patrons"');
  await expect(page.getByTestId("model-version")).toContainText(`Version ${version + 1}, imported by a user`);
  await page.screenshot({ path: "e2e/.output/model.png", fullPage: false });

  // A file that names a column the warehouse lacks is refused whole, naming the column.
  entity.dimensions.push({ ...entity.dimensions[0], column: "shoe_size" });
  await chooseModelFile(page, stringify(model));
  await page.getByRole("button", { name: "Load model" }).click();
  await expect(loader.getByRole("alert")).toContainText("The model file was not loaded; fix these and load it again:");
  await expect(loader.getByRole("alert")).toContainText("shoe_size");
  await page.reload();
  await expect(page.getByTestId("model-version")).toContainText(`Version ${version + 1},`);

  const broken = await request.post("/api/model", { data: { yaml: "entities: [unclosed" } });
  expect(broken.status()).toBe(400);
  expect((await broken.json()).error.problems.length).toBeGreaterThan(0);
  const empty = await request.post("/api/model", { data: { yaml: "  " } });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.message).toBe(
    "The model file is empty: export the model, edit it and send it back.",
  );
});

test("a member reads the model but cannot change it", async ({ browser }) => {
  const { context, page } = await signUpInNewContext(browser, {
    name: "Mo Member",
    email: "mo.model@example.com",
    password: "a long member password",
  });
  try {
    await page.goto("/model");
    await expect(page.getByTestId("model-entity").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Load model" })).toHaveCount(0);
    await expect(page.getByText("An administrator can load an edited model file here")).toBeVisible();
    const download = await page.request.get("/api/model");
    expect(download.status()).toBe(200);
    const refused = await page.request.post("/api/model", { data: { yaml: await download.text() } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe(
      "Only an administrator can change the semantic model. Ask one to import your file.",
    );
  } finally {
    await context.close();
  }
});
