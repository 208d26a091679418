-- Per customer value as of etl.as_of_date(). Customers are the current rows of dim_customer with at
-- least one order. Thresholds come from the pipeline ([scoring]) as settings:
-- starcard.current_high_share (top share by current value that counts as high) and
-- starcard.potential_high_share (likewise for potential value).
--
-- marts.mart_customer_value is a view (migration 018) over what this script keeps:
-- * marts.customer_value_base, per customer the names of dim_customer and the figures of
--   dw.customer_stats (kept by load/050 as of etl.as_of_date()), recomputed only for the customers
--   their writes marked in marts.customer_value_dirty (all of them when the base is empty);
-- * marts.customer_due, the replacements due as of this run, rebuilt (68k rows);
-- * marts.customer_value_params, the as-of date, the quintile ends and the tier floors, which
--   depend on every customer and are found here by sorting one datum per customer.
-- p_active and the potential value are computed in double precision (marts.p_active,
-- marts.potential_value: the same functions here and in the view) and rounded only where published
-- (marts.round_half_up): float8's last-bit error sits ten digits below the 4th (p_active) or the 2nd
-- decimal (amounts up to 10^6 CNY). Sums, revenue and everything a quintile orders by stay exact.
--
-- No window sorts every customer: the quintiles are ntile(5) OVER (ORDER BY key, customer_id) and
-- the tiers percent_rank() < share, and both follow from a few values at known positions of each
-- ordering, which percentile_disc finds by sorting one datum per customer instead of every row
-- (5 windows took ~2.5 s of 4.7 s for 508k customers):
-- * quintile q of n rows ends at position q·(n / 5) + min(q, n % 5) (ntile's sizes); the
--   (key, customer_id) found there is sorted as one packed value (marts.pack_key: a bigint for
--   days and order counts, an exact numeric for revenue scaled to an integer), and a row's
--   quintile is 1 + the number of those ends it comes after (marts.quintile_of);
-- * percent_rank() < share holds for a row exactly when fewer than share · (n − 1) rows are
--   greater, i.e. for the K + 1 largest values and their ties, K the largest count passing
--   percent_rank's own float8 test (K / (n − 1) < share); the tier compares with the value at
--   position K + 1 of the descending order.

-- The datum sorts of every customer: in memory they take a fraction of their time on disk.
SET LOCAL work_mem = '256MB';

-- The base: whole when it is empty or the summaries were rebuilt (a TRUNCATE marks everyone), else
-- the marked customers' rows again, named by key so they go down the primary keys. One statement
-- text, the scope put in by format().
DO $do$
DECLARE
    whole boolean := NOT EXISTS (SELECT 1 FROM marts.customer_value_base)
                     OR EXISTS (SELECT 1 FROM marts.customer_value_dirty WHERE customer_id IS NULL);
    scope text := 'true';
BEGIN
    IF whole THEN
        -- Emptied by TRUNCATE, the table is refilled without WAL and its key built once afterwards.
        IF etl.empty_table('marts.customer_value_base') THEN
            PERFORM etl.suspend_indexes('marts.customer_value_base');
        END IF;
    ELSE
        CREATE TEMP TABLE value_customers ON COMMIT DROP AS SELECT DISTINCT customer_id FROM marts.customer_value_dirty;
        DELETE FROM marts.customer_value_base WHERE customer_id = ANY (ARRAY(SELECT customer_id FROM value_customers));
        scope := 's.customer_id = ANY (ARRAY(SELECT customer_id FROM value_customers))';
    END IF;
    EXECUTE format($sql$
        INSERT INTO marts.customer_value_base
        SELECT s.customer_id, c.name, c.mobile, c.province, c.city, s.first_purchase, s.last_purchase, s.orders,
               s.revenue_cny, coalesce(s.revenue_12m_cny, 0), s.categories_owned
        FROM dw.customer_stats s
        JOIN dw.dim_customer c ON c.customer_id = s.customer_id AND c.is_current AND c.customer_key <> 0
        WHERE s.orders > 0 AND %s
        ORDER BY s.customer_id
    $sql$, scope);
    PERFORM etl.restore_indexes('marts.customer_value_base');
    IF whole THEN
        ANALYZE marts.customer_value_base;
    END IF;
    DELETE FROM marts.customer_value_dirty;
END $do$;

-- Owned appliances (the latest purchase per category) due for replacement as of this run: per
-- category the average unit price (> 0, in CNY) of its sales lines, whatever their date, and the day
-- on or before which a purchase is due. Every run: the as-of date and the prices move.
SELECT etl.empty_table('marts.customer_due');
INSERT INTO marts.customer_due
WITH due_by AS MATERIALIZED (
    SELECT p.category, p.avg_price, etl.as_of_date() - ((l.life_years_min * 365.25)::int - 365) AS bought_by
    -- The totals of dw.customer_category, kept by its triggers (migration 023).
    FROM (SELECT category, (price_sum_cny / priced_lines)::float8 AS avg_price
          FROM dw.category_price WHERE priced_lines > 0) p
    JOIN dw.category_lifecycle l ON l.category = p.category
)
SELECT o.customer_id, sum(b.avg_price)
FROM dw.customer_category o JOIN due_by b ON b.category = o.category AND o.bought <= b.bought_by
GROUP BY o.customer_id;

DELETE FROM marts.customer_value_params;
INSERT INTO marts.customer_value_params
WITH valued AS MATERIALIZED (
    SELECT b.customer_id, b.last_purchase, b.orders, b.revenue_cny, b.revenue_12m_cny,
           marts.potential_value(a.as_of, b.first_purchase, b.orders, b.revenue_cny,
                                 marts.p_active(a.as_of, b.first_purchase, b.last_purchase, b.orders), d.due_value) AS potential_value
    FROM marts.customer_value_base b
    LEFT JOIN marts.customer_due d ON d.customer_id = b.customer_id
    -- Evaluated once (an init plan), not parsed from the setting for every customer.
    CROSS JOIN LATERAL (SELECT (SELECT etl.as_of_date()) AS as_of) a
), sized AS MATERIALIZED (
    SELECT n,
           -- percentile_disc(f) returns the value at position ceil(f · n): half a row before each end.
           array_agg((q * (n / 5) + least(q, n % 5) - 0.5) / n ORDER BY q) AS quintile_ends,
           10::numeric ^ revenue_scale AS revenue_unit,
           id_bits,
           -- Revenue scaled to an integer packs into a bigint with the ids when it leaves room for
           -- them (a numeric pack sorts five times slower); otherwise into the numeric.
           max_revenue * 10::numeric ^ revenue_scale < 2::numeric ^ (62 - id_bits) AND min_revenue >= 0 AS m_in_bigint,
           marts.percent_rank_passing(current_share, n) AS current_k,
           marts.percent_rank_passing(potential_share, n) AS potential_k,
           current_positive
    FROM (SELECT count(*) AS n, max(scale(revenue_cny)) AS revenue_scale,
                 count(*) FILTER (WHERE revenue_12m_cny > 0) AS current_positive,
                 min(revenue_cny) AS min_revenue, max(revenue_cny) AS max_revenue,
                 max(customer_id) AS max_id, max(orders) AS max_orders,
                 min(last_purchase) AS first_day, max(last_purchase) AS last_day,
                 marts.bit_length(max(customer_id)) AS id_bits,
                 current_setting('starcard.current_high_share')::float8 AS current_share,
                 current_setting('starcard.potential_high_share')::float8 AS potential_share
          FROM valued) c,
         generate_series(1, 4) q
    -- Refuses, by raising, what the packed sort keys cannot order; the run then publishes nothing.
    WHERE n > 0 AND marts.packable(max_id, max_orders, first_day, last_day, max_revenue)
    GROUP BY n, revenue_scale, id_bits, min_revenue, max_revenue, current_positive, current_share, potential_share
), packed_ends AS MATERIALIZED (
    SELECT percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY marts.pack_key(v.last_purchase - date '0001-01-01', v.customer_id)) AS r,
           percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY marts.pack_key(v.orders, v.customer_id)) AS f,
           -- One of the two sorts only NULLs (skipped): which one, sized says.
           percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY CASE WHEN (SELECT m_in_bigint FROM sized)
                              THEN marts.pack_key((v.revenue_cny * (SELECT revenue_unit FROM sized))::bigint, v.customer_id,
                                                  (SELECT id_bits FROM sized)) END) AS m_small,
           percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY CASE WHEN NOT (SELECT m_in_bigint FROM sized)
                              THEN marts.pack_key(v.revenue_cny * (SELECT revenue_unit FROM sized), v.customer_id) END) AS m_big,
           -- Only a positive current value can be high, and positives lead the descending order: the
           -- value at position K + 1 is found among them (a third of the customers), or, past
           -- them, is at most 0, where "positive and at least the floor" means just positive.
           coalesce(percentile_disc((SELECT CASE WHEN greatest(current_k, 0) + 1 <= current_positive
                                                  THEN (greatest(current_k, 0) + 0.5) / current_positive END FROM sized))
                        WITHIN GROUP (ORDER BY v.revenue_12m_cny DESC) FILTER (WHERE v.revenue_12m_cny > 0),
                    0) AS current_floor,
           percentile_disc((SELECT (greatest(potential_k, 0) + 0.5) / n FROM sized)) WITHIN GROUP
               (ORDER BY v.potential_value DESC) AS potential_floor
    FROM valued v
), ends AS (
    -- Back to typed (key, customer_id) pairs: the view places a row by four row comparisons.
    SELECT s.n,
           array_agg(date '0001-01-01' + marts.packed_key(u.r) ORDER BY u.q) AS r_keys,
           array_agg(marts.packed_id(u.r) ORDER BY u.q) AS r_ids,
           array_agg(marts.packed_key(u.f) ORDER BY u.q) AS f_keys,
           array_agg(marts.packed_id(u.f) ORDER BY u.q) AS f_ids,
           array_agg(CASE WHEN s.m_in_bigint THEN (u.m_small >> s.id_bits) / s.revenue_unit
                          ELSE marts.packed_key(u.m_big) / s.revenue_unit END ORDER BY u.q) AS m_keys,
           array_agg(CASE WHEN s.m_in_bigint THEN u.m_small & ((1::bigint << s.id_bits) - 1)
                          ELSE marts.packed_id(u.m_big) END ORDER BY u.q) AS m_ids,
           -- No customer is high when K is -1 (a share of 0).
           CASE WHEN s.current_k >= 0 THEN e.current_floor END AS current_floor,
           CASE WHEN s.potential_k >= 0 THEN e.potential_floor END AS potential_floor
    FROM packed_ends e CROSS JOIN sized s
    CROSS JOIN unnest(e.r, e.f, e.m_small, e.m_big) WITH ORDINALITY u(r, f, m_small, m_big, q)
    GROUP BY s.n, s.current_k, s.potential_k, e.current_floor, e.potential_floor
), tiers AS (
    -- The tier sizes, as the view's tests place each customer (for the business KPIs).
    SELECT count(*) FILTER (WHERE hc AND hp) AS platinum, count(*) FILTER (WHERE hc AND NOT hp) AS gold,
           count(*) FILTER (WHERE NOT hc AND hp) AS iron, count(*) FILTER (WHERE NOT hc AND NOT hp) AS lead
    -- The floors as init plans, read once: a join with `ends` rescanned it for every customer.
    FROM (SELECT coalesce(v.revenue_12m_cny > 0 AND v.revenue_12m_cny >= (SELECT current_floor FROM ends), false) AS hc,
                 coalesce(v.potential_value > 0 AND v.potential_value >= (SELECT potential_floor FROM ends), false) AS hp
          FROM valued v) t
)
SELECT etl.as_of_date(), etl.current_run_id(), coalesce(e.n, 0), e.r_keys, e.r_ids, e.f_keys, e.f_ids, e.m_keys, e.m_ids,
       e.current_floor, e.potential_floor, t.platinum, t.gold, t.iron, t.lead
FROM tiers t LEFT JOIN ends e ON true;

-- Readers of the view join every customer with this one row: unanalysed, it was taken for 260 rows,
-- and the inflated estimate had each read of the whole mart compiled by JIT (+0.3 s).
ANALYZE marts.customer_value_params, marts.customer_due;
