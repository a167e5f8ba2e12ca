import type { PromptCase } from "./same-rows";

// The forms docs/prompts.md promises, on the demo warehouse, each with the query a data engineer
// would write by hand for the same question.
export const demoCases: PromptCase[] = [
  {
    prompt: "Join customers and orders on customer_id, calculate total order amount per customer",
    expected: "select c.customer_id, sum(o.amount) from customers c join orders o using (customer_id) group by 1",
  },
  {
    prompt: "orders.customer_id = customers.customer_id, total order amount per customer",
    expected: "select customer_id, sum(amount) from orders group by 1",
  },
  {
    prompt: "number of orders per customer with their first and last name",
    expected:
      "select c.customer_id, c.first_name, c.last_name, count(*) from customers c join orders o using (customer_id) group by 1, 2, 3",
  },
  {
    prompt: "number of orders per status in 2024",
    expected: "select status, count(*) from orders where extract(year from order_date) = 2024 group by 1",
  },
  {
    prompt: "number of distinct products per customer",
    expected:
      "select o.customer_id, count(distinct i.product_id) from orders o join order_items i using (order_id) group by 1",
  },
  {
    prompt: "average order amount by country",
    expected: "select c.country, avg(o.amount) from orders o join customers c using (customer_id) group by 1",
  },
  {
    prompt: "earliest and latest order date per customer",
    expected: "select customer_id, min(order_date), max(order_date) from orders group by 1",
  },
  {
    prompt: "all customers with their total order amount, including customers without orders",
    expected:
      "select c.customer_id, (select coalesce(sum(o.amount), 0) from orders o where o.customer_id = c.customer_id) from customers c",
  },
  {
    prompt: "all customers with their number of orders in 2024",
    expected:
      "select c.customer_id, (select count(*) from orders o where o.customer_id = c.customer_id and o.order_date between '2024-01-01' and '2024-12-31') from customers c",
  },
  {
    prompt: "customers without orders",
    expected: "select * from customers c where not exists (select 1 from orders o where o.customer_id = c.customer_id)",
  },
  {
    prompt: "total order amount per month for shipped or completed orders in 2024",
    expected:
      "select date_trunc('month', order_date)::date, sum(amount) from orders where status in ('shipped', 'completed') and order_date >= '2024-01-01' and order_date < '2025-01-01' group by 1",
  },
  {
    prompt: "weekly number of orders",
    expected: "select date_trunc('week', order_date)::date, count(*) from orders group by 1",
  },
  {
    prompt: "number of customers by signup month",
    expected: "select date_trunc('month', signup_date)::date, count(*) from customers group by 1",
  },
  {
    prompt: "number of customers per country and city",
    expected: "select country, city, count(*) from customers group by 1, 2",
  },
  {
    prompt: "customers who signed up in 2023 with more than 20 orders",
    expected:
      "select c.customer_id, count(*) from customers c join orders o using (customer_id) where extract(year from c.signup_date) = 2023 group by 1 having count(*) > 20",
  },
  {
    prompt: "top 10 customers by total order amount",
    expected: "select customer_id, sum(amount) from orders group by 1 order by 2 desc, 1 limit 10",
  },
  {
    prompt: "top 5 products by total quantity in 2024",
    expected:
      "select i.product_id, sum(i.quantity) from order_items i join orders o using (order_id) where o.order_date >= '2024-01-01' and o.order_date < '2025-01-01' group by 1 order by 2 desc, 1 limit 5",
  },
  { prompt: "the 3 largest orders", expected: "select * from orders order by amount desc, order_id limit 3" },
  { prompt: "the 5 most recent orders", expected: "select * from orders order by order_date desc, order_id limit 5" },
  {
    prompt: "orders where amount between 50 and 100",
    expected: "select * from orders where amount >= 50 and amount <= 100",
  },
  {
    prompt: "orders over 100 in March 2024",
    expected: "select * from orders where amount > 100 and order_date >= '2024-03-01' and order_date < '2024-04-01'",
  },
  {
    prompt: "customers where country is Brazil or Germany",
    expected: "select * from customers where country = 'Brazil' or country = 'Germany'",
  },
  {
    prompt: "orders in March 2024 that are not cancelled",
    expected: "select * from orders where status <> 'cancelled' and to_char(order_date, 'YYYY-MM') = '2024-03'",
  },
  {
    prompt: "orders paid by credit card in March 2024",
    expected:
      "select * from orders o where to_char(order_date, 'YYYY-MM') = '2024-03' and exists (select 1 from payments p where p.order_id = o.order_id and p.payment_method = 'credit_card')",
  },
  { prompt: "customers without an email", expected: "select * from customers where email is null" },
  {
    prompt: "orders over 4000 until 5 March 2024",
    expected: "select * from orders where amount > 4000 and order_date <= '2024-03-05'",
  },
  {
    prompt: "orders over 4000 after 2024",
    expected: "select * from orders where amount > 4000 and order_date >= '2025-01-01'",
  },
  {
    prompt: "orders in the last 30 days",
    expected: "select * from orders where order_date > date '2025-06-15' - 30 and order_date <= '2025-06-15'",
  },
  {
    prompt: "orders shipped in March 2024",
    expected: "select * from orders where shipped_at >= '2024-03-01' and shipped_at < '2024-04-01'",
  },
  {
    prompt: "total quantity times unit price per category",
    expected:
      "select p.category, sum(i.quantity * i.unit_price) from order_items i join products p using (product_id) group by 1",
  },
  { prompt: "products with weight in kilograms", expected: "select product_id, weight_grams / 1000.0 from products" },
  { prompt: "customers with their email and city", expected: "select customer_id, email, city from customers" },
  {
    prompt: "number of corporate customers per country",
    expected: "select country, count(*) from customers where segment = 'corporate' group by 1",
  },
  { prompt: "customers per country", expected: "select country, count(*) from customers group by 1" },
  { prompt: "number of custmers per country", expected: "select country, count(*) from customers group by 1" },
  {
    prompt: "can you show me the number of orders per status?",
    expected: "select status, count(*) from orders group by 1",
  },
  {
    prompt: "order items with more than 2 quantity",
    expected: "select order_item_id from order_items where quantity > 2",
  },
  {
    prompt: "anything with garden in the category",
    expected: "select product_id from products where category ilike '%garden%'",
  },
  {
    prompt: "orders whose status is not returned",
    expected: "select order_id from orders where status <> 'returned'",
  },
  { prompt: "orders that never shipped", expected: "select order_id from orders where shipped_at is null" },
  {
    prompt: "units sold per product, only products that list for more than 300",
    expected:
      "select p.product_id, sum(i.quantity) from order_items i join products p using (product_id) where p.unit_price > 300 group by 1",
  },
  {
    prompt: "number of orders per status, excluding orders that were cancelled",
    expected: "select status, count(*) from orders where status <> 'cancelled' group by 1",
  },
  {
    prompt: "average hours between order date and shipped date per status",
    expected: "select status, avg(extract(epoch from shipped_at - order_date) / 3600) from orders group by 1",
  },
  {
    prompt: "orders that took more than 3 days to ship",
    expected: "select order_id from orders where shipped_at > order_date + interval '3 days'",
  },
  {
    prompt: "the 2 most expensive products per category",
    expected:
      "select product_id, category, unit_price from (select p.*, row_number() over (partition by category order by unit_price desc, product_id) as n from products p) r where n <= 2",
  },
  {
    prompt: "for each category, the product with the lowest price",
    expected:
      "select product_id, category, unit_price from (select p.*, row_number() over (partition by category order by unit_price, product_id) as n from products p) r where n = 1",
  },
  {
    prompt: "customers and their total order amount",
    expected:
      "select c.customer_id, coalesce(sum(o.amount), 0) from customers c left join orders o using (customer_id) group by 1",
  },
  {
    prompt: "customers with the date of their last order",
    expected:
      "select c.customer_id, max(o.order_date) from customers c left join orders o using (customer_id) group by 1",
  },

  {
    prompt: "customers who ordered at least 3 times",
    expected: "select customer_id from orders group by customer_id having count(*) >= 3",
  },
  {
    prompt: "total quantity per product (product name)",
    expected:
      "select p.product_id, p.name, sum(i.quantity) from order_items i join products p using (product_id) group by 1, 2",
  },
];

/** Requests docs/prompts.md says are refused or asked about, with the code it promises. */
export const demoRejections: { prompt: string; code: string }[] = [
  { prompt: "total order amount per product category", code: "not_understood" },
  { prompt: "total order amount per customer with order date", code: "not_understood" },
  { prompt: "monthly revenue", code: "ambiguous" },
  { prompt: "customers by country", code: "ambiguous" },
  { prompt: "join custmers and orders", code: "not_understood" },
  { prompt: "total of orders.revenue", code: "not_understood" },
  { prompt: "total amount per country in 2024", code: "ambiguous" },
  { prompt: "total amount per month for shipped or completed orders in 2024", code: "ambiguous" },
  // Forms the planner does not read yet: refused, never guessed.
  { prompt: "join orders and payments on March 5, 2024", code: "not_understood" },
  { prompt: "number of orders and total quantity per customer", code: "not_understood" },
  { prompt: "number of orders per customer, including customers without orders", code: "not_understood" },
  { prompt: "total quantity times unit price per product as revenue", code: "not_understood" },

  { prompt: "orders where amount is 'lots'", code: "not_understood" },
];
