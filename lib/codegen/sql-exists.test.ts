import { describe, expect, it } from "vitest";
import type { ExistsFilter } from "@/lib/spec/clauses";
import type { EtlSpec } from "@/lib/spec/etl-spec";
import { listing, pathStep as step } from "@/lib/testing/fixtures/tiny-shop";
import { useTinyShopDatabase } from "@/lib/testing/tiny-shop-database";
import { CodegenError, compileSql } from "./sql";

const orders = step("orders", "customer_id", "customer_id");

// The answers are those of the tiny shop (see its fixture).
describe("existence checks compiled to SQL, run on Postgres", () => {
  const shop = useTinyShopDatabase();
  const keys = async (spec: EtlSpec) =>
    (await shop.sql.unsafe(`${compileSql({ spec, catalog: shop.catalog })} ORDER BY 1`)).map(
      (r) => Object.values(r)[0],
    );
  const customers = (filter: Omit<ExistsFilter, "source" | "phrase">) =>
    keys(listing("customers", "customer_id", { source: "customers", phrase: "", ...filter }));

  it("keeps the customers without orders (anti-join) or with them (semi-join), each once", async () => {
    expect(await customers({ op: "not_exists", path: [orders] })).toEqual([3]);
    expect(await customers({ op: "exists", path: [orders] })).toEqual([1, 2, 4]);
  });

  it("narrows the related rows with conditions on the path and its lookups", async () => {
    expect(
      await customers({
        op: "not_exists",
        path: [orders],
        where: [{ op: "=", column: { source: "orders_related", column: "status" }, value: "returned", phrase: "" }],
      }),
    ).toEqual([2, 3, 4]);
    const toys = {
      path: [orders, step("order_items", "order_id", "order_id")],
      lookups: [{ ...step("products", "product_id", "product_id"), from: "order_items_related" }],
      where: [
        { op: "=" as const, column: { source: "products_related", column: "category" }, value: "toys", phrase: "" },
      ],
    };
    expect(await customers({ op: "not_exists", ...toys })).toEqual([2, 3]);
    expect(await customers({ op: "exists", ...toys })).toEqual([1, 4]);
  });

  it("counts distinct related rows for at least / fewer than N", async () => {
    expect(await customers({ op: "exists", path: [orders], minCount: 3 })).toEqual([1]);
    expect(await customers({ op: "not_exists", path: [orders], minCount: 2 })).toEqual([2, 3, 4]);
    // Ada bought books on two order lines, Bo on one.
    const books = {
      path: [orders, step("order_items", "order_id", "order_id")],
      lookups: [{ ...step("products", "product_id", "product_id"), from: "order_items_related" }],
    };
    const where = [
      { op: "=" as const, column: { source: "products_related", column: "category" }, value: "books", phrase: "" },
    ];
    expect(await customers({ op: "exists", ...books, where, minCount: 2 })).toEqual([1]);
  });

  it("follows a foreign key in either direction, and keeps a row whose key is NULL out of every match", async () => {
    expect(
      await keys(
        listing("products", "product_id", {
          op: "not_exists",
          source: "products",
          path: [step("order_items", "product_id", "product_id")],
          phrase: "",
        }),
      ),
    ).toEqual([300]);
    expect(
      await keys(
        listing("orders", "order_id", {
          op: "not_exists",
          source: "orders",
          path: [step("customers", "customer_id", "customer_id")],
          phrase: "",
        }),
      ),
    ).toEqual([30]);
  });

  it("refuses a step no declared foreign key makes, and a step alias that hides a source", () => {
    const unrelated = listing("customers", "customer_id", {
      op: "not_exists",
      source: "customers",
      path: [step("products", "customer_id", "product_id")],
      phrase: "",
    });
    expect(() => compileSql({ spec: unrelated, catalog: shop.catalog })).toThrow(
      expect.objectContaining({ code: "invalid_spec", message: expect.stringMatching(/no foreign key links/) }),
    );
    const hiding = listing("customers", "customer_id", {
      op: "not_exists",
      source: "customers",
      path: [{ ...orders, alias: "customers" }],
      phrase: "",
    });
    expect(() => compileSql({ spec: hiding, catalog: shop.catalog })).toThrow(CodegenError);
  });
});
