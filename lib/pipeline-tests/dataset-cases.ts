import type { DatasetName } from "@/lib/testing/datasets";
import type { PromptCase } from "./same-rows";

// Prompt forms on public datasets the planner was not written against, each with a hand-written answer.
export const datasetCases: Record<DatasetName, PromptCase[]> = {
  jaffle_shop: [
    { prompt: "number of raw orders per status", expected: "select status, count(*) from raw_orders group by 1" },
    {
      prompt: "total amount per raw customer",
      expected: "select o.user_id, sum(p.amount) from raw_orders o join raw_payments p on p.order_id = o.id group by 1",
    },
    {
      prompt: "raw customers without raw orders",
      expected: "select * from raw_customers c where not exists (select 1 from raw_orders o where o.user_id = c.id)",
    },
    {
      prompt: "total amount per payment method",
      expected: "select payment_method, sum(amount) from raw_payments group by 1",
    },
  ],
  northwind: [
    { prompt: "number of orders per employee", expected: "select employee_id, count(*) from orders group by 1" },
    {
      prompt: "total quantity per product",
      expected: "select product_id, sum(quantity) from order_details group by 1",
    },
    { prompt: "orders shipped in 1997", expected: "select * from orders where extract(year from shipped_date) = 1997" },
    {
      prompt: "top 5 customers by total freight",
      expected: "select customer_id, sum(freight) from orders group by 1 order by 2 desc, 1 limit 5",
      decimals: 0,
    },
  ],
  chinook: [
    { prompt: "revenue per billing country", expected: "select billing_country, sum(total) from invoice group by 1" },
    {
      prompt: "top 5 artists by number of albums",
      expected: "select artist_id, count(*) from album group by 1 order by 2 desc, 1 limit 5",
    },
    {
      prompt: "total unit price times quantity per genre",
      expected:
        "select t.genre_id, sum(l.unit_price * l.quantity) from invoice_line l join track t using (track_id) group by 1",
    },
    {
      prompt: "total invoice total per customer with their name",
      expected:
        "select c.customer_id, c.first_name, c.last_name, sum(i.total) from customer c join invoice i using (customer_id) group by 1, 2, 3",
    },
    {
      prompt: "invoices over 10 since 2024-06-01",
      expected: "select * from invoice where total > 10 and invoice_date >= '2024-06-01'",
    },
    { prompt: "tracks with milliseconds in minutes", expected: "select track_id, milliseconds / 60000.0 from track" },
    { prompt: "tracks with bytes in megabytes", expected: "select track_id, bytes / 1048576.0 from track" },
    { prompt: "customers with a company", expected: "select * from customer where company is not null" },
  ],
};
