-- Per customer value as of etl.as_of_date(). Customers are the current rows of dim_customer with at
-- least one order. Thresholds come from the pipeline ([scoring]) as settings:
-- starcard.current_high_share (top share by current value that counts as high) and
-- starcard.potential_high_share (likewise for potential value).
--
-- Reads dw.customer_stats (one row per customer, kept by load/050 as of etl.as_of_date()), so only
-- what depends on the as-of date for everyone is computed here: recency, p_active, the due
-- replacements, the quintiles and tiers. p_active and the potential value are computed in double
-- precision and rounded only where published (marts.round_half_up): float8's last-bit error sits
-- ten digits below the 4th (p_active) or the 2nd decimal (amounts up to 10^6 CNY). Sums, revenue
-- and everything a quintile orders by stay exact.
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
--
-- Every row is rewritten: each carries the as-of date, the run and the recency, so a moved as-of
-- date changes them all (an UPDATE of changed rows measured slower than DELETE + INSERT here).
-- TRUNCATE rather than DELETE: the table gets a new file in this transaction, which PostgreSQL
-- fills without writing WAL (wal_level minimal, as the embedded server runs) and without the
-- dead rows a DELETE leaves to vacuum; its key is built once after the insert. The price: a
-- reader arriving while the run rebuilds the mart waits for the run's commit (seconds) and then
-- reads the new version, where with DELETE it would have read the old one. None sees it half-built.
-- TRUNCATE needs the table to itself: when a reader is inside it (a long query, a BI tool's idle
-- transaction), the run waits at most 2 s and then empties the mart by DELETE (etl.empty_table).
DO $$
BEGIN
    -- The bigint packing of the recency and frequency keys (migration 015) holds for these ranges.
    IF (SELECT max(customer_id) >= 2::bigint ^ 43 OR max(orders) >= 2 ^ 20 OR max(last_purchase) >= date '2870-01-01'
               OR min(last_purchase) < date '0001-01-01'
        FROM dw.customer_stats) THEN
        RAISE EXCEPTION 'customer-value mart: customer ids below 2^43, order counts below 2^20 and dates from 0001 to 2870 are supported'
            USING HINT = 'Widen marts.pack_key in a new migration.';
    END IF;
    IF etl.empty_table('marts.mart_customer_value') THEN
        PERFORM etl.suspend_indexes('marts.mart_customer_value');
    END IF;
END $$;
-- The datum sorts of every customer: in memory they take a fraction of their time on disk.
SET LOCAL work_mem = '256MB';

WITH due_by AS MATERIALIZED (
    -- Per category: the average unit price (> 0, in CNY) of its sales lines, whatever their date,
    -- and the day on or before which a purchase is due for replacement.
    SELECT p.category, p.avg_price, etl.as_of_date() - ((l.life_years_min * 365.25)::int - 365) AS bought_by
    FROM (SELECT category, (sum(price_sum_cny) / sum(priced_lines))::float8 AS avg_price
          FROM dw.customer_category GROUP BY category HAVING sum(priced_lines) > 0) p
    JOIN dw.category_lifecycle l ON l.category = p.category
), due AS (
    -- Owned appliances (the latest purchase per category) due for replacement: the average price of each.
    SELECT o.customer_id, sum(b.avg_price) AS due_value
    FROM dw.customer_category o JOIN due_by b ON b.category = o.category AND o.bought <= b.bought_by
    GROUP BY o.customer_id
), valued AS MATERIALIZED (
    SELECT s.*,
           -- Orders per year over the tenure (at least one year) x average order x p_active + due.
           s.orders / greatest((s.as_of - s.first_purchase) / 365.25::float8, 1.0)
               * (s.revenue_cny::float8 / s.orders) * s.p_active + coalesce(d.due_value, 0) AS potential_value
    FROM (SELECT s.customer_id, c.name, c.mobile, c.province, c.city, s.first_purchase, s.last_purchase,
                 s.orders, s.revenue_cny, coalesce(s.revenue_12m_cny, 0) AS revenue_12m_cny, s.categories_owned,
                 a.as_of,
                 -- Mean gap between orders; one-order customers get the population's typical two years.
                 exp(-(a.as_of - s.last_purchase) / (2.0::float8 * greatest(
                     CASE WHEN s.orders > 1 THEN (s.last_purchase - s.first_purchase)::float8 / (s.orders - 1) ELSE 730 END,
                     30))) AS p_active
          FROM dw.customer_stats s
          JOIN dw.dim_customer c ON c.customer_id = s.customer_id AND c.is_current AND c.customer_key <> 0
          -- Evaluated once (an init plan), not parsed from the setting for every customer.
          CROSS JOIN LATERAL (SELECT (SELECT etl.as_of_date()) AS as_of) a
          WHERE s.orders > 0) s
    LEFT JOIN due d ON d.customer_id = s.customer_id
), sized AS MATERIALIZED (
    SELECT n,
           -- percentile_disc(f) returns the value at position ceil(f · n): half a row before each end.
           array_agg((q * (n / 5) + least(q, n % 5) - 0.5) / n ORDER BY q) AS quintile_ends,
           10::numeric ^ revenue_scale AS revenue_unit,
           marts.percent_rank_passing(current_share, n) AS current_k,
           marts.percent_rank_passing(potential_share, n) AS potential_k
    FROM (SELECT count(*) AS n, max(scale(revenue_cny)) AS revenue_scale,
                 current_setting('starcard.current_high_share')::float8 AS current_share,
                 current_setting('starcard.potential_high_share')::float8 AS potential_share
          FROM valued) c,
         generate_series(1, 4) q
    WHERE n > 0
    GROUP BY n, revenue_scale, current_share, potential_share
), packed_ends AS MATERIALIZED (
    SELECT percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY marts.pack_key(v.last_purchase - date '0001-01-01', v.customer_id)) AS r,
           percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY marts.pack_key(v.orders, v.customer_id)) AS f,
           percentile_disc((SELECT quintile_ends FROM sized)) WITHIN GROUP
               (ORDER BY marts.pack_key(v.revenue_cny * (SELECT revenue_unit FROM sized), v.customer_id)) AS m,
           percentile_disc((SELECT (greatest(current_k, 0) + 0.5) / n FROM sized)) WITHIN GROUP
               (ORDER BY v.revenue_12m_cny DESC) AS current_floor,
           percentile_disc((SELECT (greatest(potential_k, 0) + 0.5) / n FROM sized)) WITHIN GROUP
               (ORDER BY v.potential_value DESC) AS potential_floor
    FROM valued v
), ends AS (
    -- Back to typed (key, customer_id) pairs: a row is then placed by four row comparisons.
    SELECT array_agg(date '0001-01-01' + marts.packed_key(u.r) ORDER BY u.q) AS r_keys,
           array_agg(marts.packed_id(u.r) ORDER BY u.q) AS r_ids,
           array_agg(marts.packed_key(u.f) ORDER BY u.q) AS f_keys,
           array_agg(marts.packed_id(u.f) ORDER BY u.q) AS f_ids,
           array_agg(marts.packed_key(u.m) / s.revenue_unit ORDER BY u.q) AS m_keys,
           array_agg(marts.packed_id(u.m) ORDER BY u.q) AS m_ids,
           -- No customer is high when K is -1 (a share of 0).
           CASE WHEN s.current_k >= 0 THEN e.current_floor END AS current_floor,
           CASE WHEN s.potential_k >= 0 THEN e.potential_floor END AS potential_floor
    FROM packed_ends e CROSS JOIN sized s CROSS JOIN unnest(e.r, e.f, e.m) WITH ORDINALITY u(r, f, m, q)
    GROUP BY s.current_k, s.potential_k, e.current_floor, e.potential_floor
), tiered AS (
    SELECT v.*,
           marts.quintile_of(v.last_purchase, v.customer_id, e.r_keys, e.r_ids) AS r_score,
           marts.quintile_of(v.orders, v.customer_id, e.f_keys, e.f_ids) AS f_score,
           marts.quintile_of(v.revenue_cny, v.customer_id, e.m_keys, e.m_ids) AS m_score,
           v.revenue_12m_cny > 0 AND v.revenue_12m_cny >= e.current_floor AS high_current,
           v.potential_value > 0 AND v.potential_value >= e.potential_floor AS high_potential
    FROM valued v CROSS JOIN ends e
)
-- The mart's numeric(p, 2) and numeric(6, 4) columns round the numeric sums on assignment, half away
-- from zero, as round() would; the float8 scores are rounded before their cast (migration 015).
INSERT INTO marts.mart_customer_value
SELECT customer_id, name, mobile, province, city, first_purchase, last_purchase, as_of - last_purchase,
       orders, revenue_cny, revenue_12m_cny, revenue_cny / orders, categories_owned,
       r_score, f_score, m_score, marts.round_half_up(p_active, 4), revenue_12m_cny, marts.round_half_up(potential_value, 2),
       CASE WHEN high_current AND high_potential THEN 'platinum'
            WHEN high_current THEN 'gold'
            WHEN high_potential THEN 'iron'
            ELSE 'lead' END,
       as_of, (SELECT etl.current_run_id())
FROM tiered;

SELECT etl.restore_indexes('marts.mart_customer_value');
