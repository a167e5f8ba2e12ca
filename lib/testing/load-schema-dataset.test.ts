import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqlClient, type SqlClient } from "@/lib/db/client";
import { datasetDir } from "./datasets";
import { loadSchemaDataset } from "./load-schema-dataset";
import { createTestDatabase, testServers } from "./test-database";

describe("loadSchemaDataset", () => {
  let sql: SqlClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase(testServers()[0]);
    drop = database.drop;
    sql = createSqlClient(database.url, "test", 1);
  });
  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("loads classicmodels as its schema says: every row, quoted camelCase columns, upstream whitespace and line breaks", async () => {
    await loadSchemaDataset(sql, datasetDir("classicmodels"));
    const counts = await sql`
      select (select count(*)::int from customers) as customers, (select count(*)::int from orderdetails) as orderdetails,
             (select count(*)::int from payments) as payments, (select count(*)::int from products) as products`;
    expect(counts[0]).toEqual({ customers: 122, orderdetails: 2996, payments: 273, products: 110 });
    const [norway] = await sql`select count(*)::int as n from customers where country = 'Norway  '`;
    expect(norway.n).toBe(2);
    const [described] = await sql`select count(*)::int as n from products where "productDescription" like ${"%\r\n%"}`;
    expect(described.n).toBe(7);
    const [key] =
      await sql`select count(*)::int as n from information_schema.table_constraints where table_name = 'orders' and constraint_type = 'FOREIGN KEY'`;
    expect(key.n).toBe(1);
  });
});
