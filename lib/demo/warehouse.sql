-- The demo warehouse: a small online shop, generated deterministically so every installation gets
-- the same rows. About 5,000 customers and 100,000 orders.

-- A pseudo-random number in [0, 1) from (i, salt). hashint8extended is the hash behind hash
-- partitioning, which Postgres keeps stable across versions.
create function pg_temp.rnd(i integer, salt integer) returns double precision
  language sql immutable as
$$ select (hashint8extended(i, salt) & 4294967295)::double precision / 4294967296.0 $$;

create function pg_temp.pick(i integer, salt integer, choices text[]) returns text
  language sql immutable as
$$ select choices[1 + floor(pg_temp.rnd(i, salt) * array_length(choices, 1))::int] $$;

create table customers (
  customer_id integer primary key,
  first_name text not null,
  last_name text not null,
  email text,
  city text not null,
  country text not null,
  segment text not null,
  signup_date date not null
);

insert into customers
select i,
  pg_temp.pick(i, 18, array['Ava','Liam','Mia','Noah','Emma','Lucas','Zoe','Mateo','Ines','Omar','Sofia','Kenji','Amara','Hugo','Lena','Ravi','Chloe','Diego','Freya','Tariq']),
  pg_temp.pick(i, 19, array['Smith','Garcia','Müller','Rossi','Kim','Dubois','Novak','Silva','Okafor','Tanaka','Jensen','Kowalski','Haddad','Nguyen','Murphy','Fischer','Costa','Patel','Larsen','Moreau']),
  case when pg_temp.rnd(i, 1) < 0.03 then null else 'customer' || i || '@example.com' end,
  city, country,
  case when r < 0.6 then 'consumer' when r < 0.85 then 'small_business' else 'corporate' end,
  date '2021-01-01' + (i * 1400 / 5000) + floor(pg_temp.rnd(i, 2) * 30)::int
from generate_series(1, 5000) as i,
  lateral (select pg_temp.rnd(i, 3) as r) as seg,
  lateral (
    select (array['Berlin','Paris','Lyon','Madrid','Lisbon','Rome','Milan','Warsaw','London','Manchester','Dublin','Amsterdam','New York','Chicago','Austin','Toronto','Tokyo','Sydney','Seoul','São Paulo'])[k] as city,
           (array['Germany','France','France','Spain','Portugal','Italy','Italy','Poland','United Kingdom','United Kingdom','Ireland','Netherlands','United States','United States','United States','Canada','Japan','Australia','South Korea','Brazil'])[k] as country
    from (select 1 + floor(pg_temp.rnd(i, 4) * 20)::int as k) as c
  ) as place;

create table products (
  product_id integer primary key,
  name text not null,
  category text not null,
  unit_price numeric(10,2) not null,
  weight_grams integer not null
);

insert into products
select i,
  initcap(pg_temp.pick(i, 20, array['classic','compact','deluxe','eco','smart','vintage','pro','mini','ultra','handmade'])) || ' ' ||
    (array['Headphones','Novel','Lamp','Puzzle','Planter','Yoga Mat','Charger','Cookbook','Blanket','Kite','Shears','Dumbbell'])[1 + (i % 12)] || ' ' || i,
  (array['electronics','books','home','toys','garden','sports','electronics','books','home','toys','garden','sports'])[1 + (i % 12)],
  round((2.99 + pg_temp.rnd(i, 5) ^ 2 * 497)::numeric, 2),
  50 + floor(pg_temp.rnd(i, 6) * 4950)::int
from generate_series(1, 200) as i;

-- Customers 4801-5000 signed up last and have not ordered yet: left joins keep them, inner joins drop them.
create temporary table demo_orders as
select i as order_id,
  1 + floor(pg_temp.rnd(i, 7) * 4800)::int as customer_id,
  date '2022-01-01' + floor(pg_temp.rnd(i, 8) * 1430)::int as order_date,
  case when s < 0.60 then 'completed' when s < 0.75 then 'shipped' when s < 0.83 then 'placed'
       when s < 0.90 then 'returned' else 'cancelled' end as status
from generate_series(1, 100000) as i, lateral (select pg_temp.rnd(i, 9) as s) as st;

create temporary table demo_items as
select row_number() over (order by o.order_id, n)::int as order_item_id, o.order_id, p.product_id,
  q.quantity, p.unit_price,
  case when pg_temp.rnd(o.order_id * 10 + n, 10) < 0.2 then round(p.unit_price * q.quantity * 0.1, 2) else 0 end as discount
from demo_orders o,
  lateral generate_series(1, 1 + floor(pg_temp.rnd(o.order_id, 11) * 4)::int) as n,
  lateral (select 1 + floor(pg_temp.rnd(o.order_id * 10 + n, 12) * 200)::int as product_id) as pick,
  lateral (select 1 + floor(pg_temp.rnd(o.order_id * 10 + n, 13) * 3)::int as quantity) as q,
  products p
where p.product_id = pick.product_id;

create table orders (
  order_id integer primary key,
  customer_id integer not null,
  order_date date not null,
  status text not null,
  amount numeric(12,2) not null,
  shipped_at timestamp
);

insert into orders
select o.order_id, o.customer_id, o.order_date, o.status, t.amount,
  case when o.status in ('shipped', 'completed', 'returned')
       then o.order_date + make_interval(hours => 12 + floor(pg_temp.rnd(o.order_id, 15) * 110)::int) end
from demo_orders o
join (select order_id, sum(quantity * unit_price - discount) as amount from demo_items group by order_id) t using (order_id);

create table order_items (
  order_item_id integer primary key,
  order_id integer not null,
  product_id integer not null,
  quantity integer not null,
  unit_price numeric(10,2) not null,
  discount numeric(10,2) not null
);

insert into order_items select order_item_id, order_id, product_id, quantity, unit_price, discount from demo_items;

-- Paid orders have one payment; about one in ten is split between a gift card and a card.
create table payments (
  payment_id integer primary key,
  order_id integer not null,
  payment_method text not null,
  amount numeric(12,2) not null,
  paid_at timestamp not null
);

insert into payments
select row_number() over (order by order_id, part)::int, order_id, method, part_amount, paid_at
from (
  select o.order_id, 1 as part,
    case when split then 'gift_card' else pg_temp.pick(o.order_id, 21, array['credit_card','credit_card','credit_card','bank_transfer','coupon']) end as method,
    case when split then round(o.amount * 0.3, 2) else o.amount end as part_amount,
    o.order_date + time '09:00' + make_interval(mins => floor(pg_temp.rnd(o.order_id, 16) * 600)::int) as paid_at
  from orders o, lateral (select pg_temp.rnd(o.order_id, 17) < 0.1 as split) as s
  where o.status <> 'cancelled'
  union all
  select o.order_id, 2, 'credit_card', o.amount - round(o.amount * 0.3, 2),
    o.order_date + time '09:05' + make_interval(mins => floor(pg_temp.rnd(o.order_id, 16) * 600)::int)
  from orders o
  where o.status <> 'cancelled' and pg_temp.rnd(o.order_id, 17) < 0.1
) as parts;

-- Foreign keys are added after the load: one validating scan each instead of a check per row.
alter table orders add foreign key (customer_id) references customers (customer_id);
alter table order_items add foreign key (order_id) references orders (order_id);
alter table order_items add foreign key (product_id) references products (product_id);
alter table payments add foreign key (order_id) references orders (order_id);

create index orders_customer_id_idx on orders (customer_id);
create index order_items_order_id_idx on order_items (order_id);
create index payments_order_id_idx on payments (order_id);
analyze customers, products, orders, order_items, payments;
