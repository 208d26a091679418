-- Brings the per-customer summaries (migration 006) up to date as of etl.as_of_date(). Customers
-- who only received new rows (migration 019 keeps them) get those rows folded in: sums and maxima
-- over the new rows alone. Customers whose facts were updated or deleted, whose new lines join an
-- order that already had lines, or whose earlier facts the new as-of date brings in are recomputed
-- from their facts. An as-of date before the last one, other currency rates or an empty state (the
-- first run) recompute everyone.
CREATE TEMP TABLE summary_basis ON COMMIT DROP AS
SELECT s.as_of_date AS summarized_as_of, r.rates,
       (s.as_of_date IS NULL OR s.as_of_date > etl.as_of_date() OR s.rates <> r.rates) AS rebuild
FROM (SELECT coalesce(string_agg(currency || '=' || to_cny, ',' ORDER BY currency), '') AS rates
      FROM dw.currency_rate) r
LEFT JOIN dw.customer_summary_state s ON true;

-- The per-customer folds below hold one numeric state per customer (and day): in memory they take
-- a fraction of their time on disk. They read the as-of date as (SELECT etl.as_of_date()), evaluated
-- once, rather than parse the setting again for each of a million rows.
SET LOCAL work_mem = '256MB';

-- Both empty on a rebuild, which recomputes everyone: the union is not even planned then (with a
-- million facts to come from the sales branch, its hash table alone was sized for a million customers).
-- summary_customers are recomputed from their facts, summary_folded get their new rows folded in.
CREATE TEMP TABLE summary_customers (customer_id bigint) ON COMMIT DROP;
CREATE TEMP TABLE summary_folded (customer_id bigint) ON COMMIT DROP;
DO $$ BEGIN
    IF NOT (SELECT rebuild FROM summary_basis) THEN
        INSERT INTO summary_customers
        SELECT customer_id FROM dw.customer_summary_dirty
        UNION
        -- Facts of earlier runs that the new as-of date brings in; this run's own are new rows.
        -- Bounds as scalar subqueries, not a join: the executor then reads only the months they span
        -- (run-time partition pruning) instead of every month of the fact.
        SELECT f.customer_id FROM dw.fct_sales_line f
        WHERE f.order_date > (SELECT summarized_as_of FROM summary_basis) AND f.order_date <= (SELECT etl.as_of_date())
          AND f.run_id <> (SELECT etl.current_run_id())
        UNION
        SELECT w.customer_id FROM dw.fct_warranty_registration w, summary_basis b
        WHERE coalesce(w.purchase_date, w.registered_on) > b.summarized_as_of
          AND coalesce(w.purchase_date, w.registered_on) <= (SELECT etl.as_of_date())
          AND w.run_id <> (SELECT etl.current_run_id())
        UNION
        -- New lines of an order that has lines besides them (an order delivered over two nights):
        -- the order's first day and amount are the whole order's, not a sum of what each night brought.
        SELECT n.customer_id
        FROM (SELECT order_id, count(*) AS lines FROM dw.summary_new_sales GROUP BY order_id) o
        JOIN dw.summary_new_sales n USING (order_id)
        WHERE o.lines <> (SELECT count(*) FROM dw.sales_line_key k WHERE k.order_id = o.order_id);

        INSERT INTO summary_folded
        SELECT customer_id FROM dw.summary_new_sales
        UNION
        SELECT customer_id FROM dw.summary_new_warranty
        EXCEPT
        SELECT customer_id FROM summary_customers;
    END IF;
END $$;
ANALYZE summary_folded;
ANALYZE summary_customers;

-- A rebuild empties the summaries by TRUNCATE: no dead rows to scan later, and the rows inserted
-- into a table truncated in the same transaction skip the WAL where wal_level is minimal. When an
-- analyst's session is inside one of them, etl.empty_table waits 2 s at most and then DELETEs.
DO $$ BEGIN
    IF (SELECT rebuild FROM summary_basis) THEN
        PERFORM etl.empty_table(t)
        FROM unnest('{dw.customer_day_sales,dw.customer_category,dw.customer_stats}'::regclass[]) t;
    END IF;
END $$;
-- = ANY (ARRAY(...)) rather than IN (SELECT ...): the keys then go down the primary key (a night's
-- ~17k customers: 35 ms) where the semi join read all 876k rows (250 ms).
DELETE FROM dw.customer_day_sales WHERE customer_id = ANY (ARRAY(SELECT customer_id FROM summary_customers));
DELETE FROM dw.customer_category WHERE customer_id = ANY (ARRAY(SELECT customer_id FROM summary_customers));

-- Sorted groups rather than hash tables for the two folds below: a hash table holds a numeric sum
-- state for each of ~900k groups at once (470 MB, spilling to disk), where sorted input folds one
-- group at a time and comes out in key order for the inserts (5.2 s → 2.6 s for 1M lines).
SET LOCAL enable_hashagg = off;

-- The recomputed customers are either all of them (a rebuild) or the few the run could not fold,
-- joined as a semi join the planner sizes from summary_customers: a night's handful go down each
-- month's primary key, where "everyone OR these" read every month whole (0.2 s for 4 customers).
DO $do$
DECLARE
    fscope text := CASE WHEN (SELECT rebuild FROM summary_basis) THEN 'true'
                        ELSE 'f.customer_id IN (SELECT customer_id FROM summary_customers)' END;
    wscope text := CASE WHEN (SELECT rebuild FROM summary_basis) THEN 'true'
                        ELSE 'w.customer_id IN (SELECT customer_id FROM summary_customers)' END;
BEGIN
    EXECUTE format($sql$
        INSERT INTO dw.customer_day_sales
        WITH orders AS (
            -- One row per order: its first and last line dates, its lines and its amount in CNY.
            SELECT f.customer_id, f.order_id, min(f.order_date) AS first_day, max(f.order_date) AS last_day,
                   count(*) AS lines, sum(f.amount * coalesce(r.to_cny, 1)) AS revenue
            FROM dw.fct_sales_line f LEFT JOIN dw.currency_rate r ON r.currency = f.currency
            WHERE f.order_date <= (SELECT etl.as_of_date())
              AND %1$s
            GROUP BY f.customer_id, f.order_id
        ), parts AS (
            -- What each day receives. An order is dated by its first line; one whose lines all share that
            -- day (nearly every order) also brings its lines and their amount to it; one whose lines span
            -- days brings each line to the line's own day instead (those lines are read again, the rest not).
            SELECT customer_id, first_day AS day,
                   CASE WHEN first_day = last_day THEN lines ELSE 0 END AS lines,
                   CASE WHEN first_day = last_day THEN revenue ELSE 0 END AS line_revenue,
                   revenue AS order_revenue
            FROM orders
            UNION ALL
            SELECT f.customer_id, f.order_date, 1, f.amount * coalesce(r.to_cny, 1), NULL
            FROM orders o
            JOIN dw.fct_sales_line f ON f.customer_id = o.customer_id AND f.order_id = o.order_id
            LEFT JOIN dw.currency_rate r ON r.currency = f.currency
            WHERE o.first_day <> o.last_day AND f.order_date <= (SELECT etl.as_of_date())
        )
        SELECT customer_id, day, sum(lines), sum(line_revenue), count(order_revenue), sum(order_revenue)
        FROM parts
        GROUP BY customer_id, day
        -- In key order, each index entry lands on the rightmost leaf instead of a random one.
        ORDER BY customer_id, day
    $sql$, fscope, wscope);
    EXECUTE format($sql$
        INSERT INTO dw.customer_category
        SELECT customer_id, category, max(bought) FILTER (WHERE bought <= (SELECT etl.as_of_date())), sum(price_cny), count(price_cny)
        FROM (SELECT f.customer_id, f.category, f.order_date AS bought,
                     CASE WHEN f.unit_price > 0 THEN f.unit_price * coalesce(r.to_cny, 1) END AS price_cny
              FROM dw.fct_sales_line f LEFT JOIN dw.currency_rate r ON r.currency = f.currency
              WHERE f.category IS NOT NULL
                AND %1$s
              UNION ALL
              SELECT w.customer_id, w.category, coalesce(w.purchase_date, w.registered_on), NULL
              FROM dw.fct_warranty_registration w
              WHERE w.category IS NOT NULL
                AND %2$s) o
        GROUP BY customer_id, category
        ORDER BY customer_id, category
    $sql$, fscope, wscope);
END $do$;

-- The folded customers' new rows, added to what their days and categories already hold: the same
-- parts as above, from the new rows only (their orders are new whole, see summary_customers).
INSERT INTO dw.customer_day_sales AS t
WITH lines AS (
    SELECT n.customer_id, n.order_id, n.order_date, n.amount * coalesce(r.to_cny, 1) AS revenue
    FROM dw.summary_new_sales n LEFT JOIN dw.currency_rate r ON r.currency = n.currency
    WHERE n.order_date <= (SELECT etl.as_of_date())
      AND n.customer_id IN (SELECT customer_id FROM summary_folded)
), parts AS (
    SELECT customer_id, order_date AS day, 1 AS lines, revenue AS line_revenue, NULL::numeric AS order_revenue
    FROM lines
    UNION ALL
    SELECT customer_id, min(order_date), 0, 0, sum(revenue) FROM lines GROUP BY customer_id, order_id
)
SELECT customer_id, day, sum(lines), sum(line_revenue), count(order_revenue), sum(order_revenue)
FROM parts
GROUP BY customer_id, day
ORDER BY customer_id, day
ON CONFLICT (customer_id, day) DO UPDATE
SET lines = t.lines + excluded.lines,
    line_revenue_cny = t.line_revenue_cny + excluded.line_revenue_cny,
    orders = t.orders + excluded.orders,
    -- NULL: no order on that day yet (a sum over no rows), on either side.
    order_revenue_cny = CASE WHEN excluded.order_revenue_cny IS NULL THEN t.order_revenue_cny
                             ELSE coalesce(t.order_revenue_cny, 0) + excluded.order_revenue_cny END;

INSERT INTO dw.customer_category AS t
SELECT customer_id, category, max(bought) FILTER (WHERE bought <= (SELECT etl.as_of_date())), sum(price_cny), count(price_cny)
FROM (SELECT n.customer_id, n.category, n.order_date AS bought,
             CASE WHEN n.unit_price > 0 THEN n.unit_price * coalesce(r.to_cny, 1) END AS price_cny
      FROM dw.summary_new_sales n LEFT JOIN dw.currency_rate r ON r.currency = n.currency
      WHERE n.category IS NOT NULL AND n.customer_id IN (SELECT customer_id FROM summary_folded)
      UNION ALL
      SELECT w.customer_id, w.category, w.bought, NULL
      FROM dw.summary_new_warranty w
      WHERE w.category IS NOT NULL AND w.customer_id IN (SELECT customer_id FROM summary_folded)) o
GROUP BY customer_id, category
ORDER BY customer_id, category
ON CONFLICT (customer_id, category) DO UPDATE
SET bought = greatest(t.bought, excluded.bought),
    price_sum_cny = CASE WHEN excluded.price_sum_cny IS NULL THEN t.price_sum_cny
                         ELSE coalesce(t.price_sum_cny, 0) + excluded.price_sum_cny END,
    priced_lines = t.priced_lines + excluded.priced_lines;

RESET enable_hashagg;

-- Customers whose stats change: those recomputed or folded above, and those with a day that the
-- moved as-of date pushes out of the last 12 months or out of the 12 before (a day it brings in is
-- a fact the new as-of date brings in: those customers are recomputed or folded above). Each day of
-- customer_day_sales is the date of one of the customer's sales lines, so the facts' monthly
-- partitions give them: only the month or two the band spans are read (bounds as scalar subqueries
-- for run-time pruning);
-- customer_day_sales has no index by day and was read whole (0.17 s a night). Skipped on a rebuild.
CREATE TEMP TABLE stats_customers ON COMMIT DROP AS
SELECT customer_id FROM summary_customers
UNION
SELECT customer_id FROM summary_folded
UNION
SELECT f.customer_id FROM dw.fct_sales_line f
WHERE NOT (SELECT rebuild FROM summary_basis)
  AND f.order_date > (SELECT summarized_as_of - 365 FROM summary_basis) AND f.order_date <= (SELECT etl.as_of_date() - 365)
UNION
SELECT f.customer_id FROM dw.fct_sales_line f
WHERE NOT (SELECT rebuild FROM summary_basis)
  AND f.order_date > (SELECT summarized_as_of - 730 FROM summary_basis) AND f.order_date <= (SELECT etl.as_of_date() - 730);
ANALYZE stats_customers;

DELETE FROM dw.customer_stats WHERE customer_id = ANY (ARRAY(SELECT customer_id FROM stats_customers));

-- The customers to fold are either all of them (a rebuild) or the few above, named by key so a
-- night goes down the primary keys (= ANY (ARRAY(...))); an "everyone OR these" filter would read
-- both tables whole every night (0.3 s). One statement text, the scope put in by format().
DO $do$
DECLARE
    scope text := CASE WHEN (SELECT rebuild FROM summary_basis) THEN 'true'
                       ELSE 'customer_id = ANY (ARRAY(SELECT customer_id FROM stats_customers))' END;
BEGIN
    EXECUTE format($sql$
        INSERT INTO dw.customer_stats
        SELECT d.customer_id, d.first_purchase, d.last_purchase, d.orders, d.revenue_cny, d.revenue_12m_cny,
               d.sale_days, d.first_sale_day, d.line_revenue_12m_cny, d.line_revenue_prior_12m_cny,
               coalesce(c.categories_owned, 0)
        FROM (SELECT customer_id,
                     min(day) FILTER (WHERE orders > 0) AS first_purchase, max(day) FILTER (WHERE orders > 0) AS last_purchase,
                     sum(orders) AS orders, sum(order_revenue_cny) AS revenue_cny,
                     sum(order_revenue_cny) FILTER (WHERE day > (SELECT etl.as_of_date()) - 365) AS revenue_12m_cny,
                     count(*) AS sale_days, min(day) AS first_sale_day,
                     sum(line_revenue_cny) FILTER (WHERE day > (SELECT etl.as_of_date()) - 365) AS line_revenue_12m_cny,
                     sum(line_revenue_cny) FILTER (WHERE day > (SELECT etl.as_of_date()) - 730 AND day <= (SELECT etl.as_of_date()) - 365)
                         AS line_revenue_prior_12m_cny
              FROM dw.customer_day_sales
              WHERE %1$s
              GROUP BY customer_id) d
        LEFT JOIN (SELECT customer_id, count(*) AS categories_owned
                   FROM dw.customer_category
                   WHERE bought IS NOT NULL AND %1$s
                   GROUP BY customer_id) c USING (customer_id)
        ORDER BY d.customer_id
    $sql$, scope);
END $do$;

DELETE FROM dw.customer_summary_dirty;
-- Read by this run only, and left empty for the next: no dead rows for autovacuum to clear.
TRUNCATE dw.summary_new_sales, dw.summary_new_warranty;
DELETE FROM dw.customer_summary_state;
INSERT INTO dw.customer_summary_state SELECT etl.as_of_date(), rates FROM summary_basis;
-- A night changes ~1% of their rows: the estimates stay valid (autovacuum's analyze follows drift).
DO $$ BEGIN
    IF (SELECT rebuild FROM summary_basis) THEN
        ANALYZE dw.customer_day_sales, dw.customer_category, dw.customer_stats;
    END IF;
END $$;
