-- Per customer value as of etl.as_of_date(). Customers are the current rows of dim_customer with at
-- least one order. Thresholds come from the pipeline ([scoring]) as settings:
-- starcard.current_high_share (top share by current value that counts as high) and
-- starcard.potential_high_share (likewise for potential value).
--
-- Reads dw.customer_stats (one row per customer, kept by load/050 as of etl.as_of_date()), so only
-- what depends on the as-of date for everyone is computed here: recency, p_active, the due
-- replacements, the quintiles, ranks and tiers. p_active and the potential value are computed in
-- double precision and rounded to numeric only where published: float8 → numeric keeps 15
-- significant digits, which absorbs float8's last-bit error long before the 4th (p_active) or the
-- 2nd decimal (amounts up to 10^12 CNY). Sums, revenue and everything a quintile orders by stay exact.
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
    IF etl.empty_table('marts.mart_customer_value') THEN
        PERFORM etl.suspend_indexes('marts.mart_customer_value');
    END IF;
END $$;
-- Five sorts of every customer: in memory they take a fraction of their time on disk.
SET LOCAL work_mem = '256MB';

WITH category_price AS (
    -- The average unit price (> 0, in CNY) of each category's sales lines, whatever their date.
    SELECT category, (sum(price_sum_cny) / sum(priced_lines))::float8 AS avg_price
    FROM dw.customer_category GROUP BY category HAVING sum(priced_lines) > 0
), due_by AS (
    -- Per category: bought on or before this day, an appliance is due for replacement.
    SELECT cp.category, cp.avg_price, etl.as_of_date() - ((l.life_years_min * 365.25)::int - 365) AS bought_by
    FROM category_price cp JOIN dw.category_lifecycle l ON l.category = cp.category
), due AS (
    -- Owned appliances (the latest purchase per category) due for replacement: the average price of each.
    SELECT o.customer_id, sum(b.avg_price) AS due_value
    FROM dw.customer_category o
    JOIN due_by b ON b.category = o.category AND o.bought <= b.bought_by
    GROUP BY o.customer_id
), valued AS (
    -- Narrow rows: the window sorts below move these, not names and addresses.
    SELECT s.customer_id, s.first_purchase, s.last_purchase, s.recency_days, s.orders, s.revenue_cny,
           coalesce(s.revenue_12m_cny, 0) AS revenue_12m_cny, s.categories_owned, s.p_active,
           -- Orders per year over the tenure (at least one year) x average order x p_active + due.
           s.orders / greatest((etl.as_of_date() - s.first_purchase) / 365.25::float8, 1.0)
               * (s.revenue_cny::float8 / s.orders) * s.p_active + coalesce(d.due_value, 0) AS potential_value
    FROM (SELECT s.*, etl.as_of_date() - s.last_purchase AS recency_days,
                 -- Mean gap between orders; one-order customers get the population's typical two years.
                 exp(-(etl.as_of_date() - s.last_purchase) / (2.0::float8 * greatest(
                     CASE WHEN s.orders > 1 THEN (s.last_purchase - s.first_purchase)::float8 / (s.orders - 1) ELSE 730 END,
                     30))) AS p_active
          FROM dw.customer_stats s
          WHERE s.orders > 0
            AND EXISTS (SELECT 1 FROM dw.dim_customer c
                        WHERE c.customer_id = s.customer_id AND c.is_current AND c.customer_key <> 0)) s
    LEFT JOIN due d ON d.customer_id = s.customer_id
), scored AS (
    SELECT v.*,
           -- customer_id breaks ties: otherwise the quintile of tied customers follows the rows'
           -- physical order, and a warehouse recovered from a killed run scores differently.
           ntile(5) OVER (ORDER BY v.recency_days DESC, v.customer_id) AS r_score,
           ntile(5) OVER (ORDER BY v.orders, v.customer_id) AS f_score,
           ntile(5) OVER (ORDER BY v.revenue_cny, v.customer_id) AS m_score,
           v.revenue_12m_cny > 0
               AND percent_rank() OVER (ORDER BY v.revenue_12m_cny DESC)
                   < current_setting('starcard.current_high_share')::float8 AS high_current,
           v.potential_value > 0
               AND percent_rank() OVER (ORDER BY v.potential_value DESC)
                   < current_setting('starcard.potential_high_share')::float8 AS high_potential
    FROM valued v
)
INSERT INTO marts.mart_customer_value
SELECT r.customer_id, c.name, c.mobile, c.province, c.city, r.first_purchase, r.last_purchase, r.recency_days,
       r.orders, round(r.revenue_cny, 2), round(r.revenue_12m_cny, 2), round(r.revenue_cny / r.orders, 2),
       r.categories_owned, r.r_score, r.f_score, r.m_score, round(r.p_active::numeric, 4),
       round(r.revenue_12m_cny, 2), round(r.potential_value::numeric, 2),
       CASE WHEN r.high_current AND r.high_potential THEN 'platinum'
            WHEN r.high_current THEN 'gold'
            WHEN r.high_potential THEN 'iron'
            ELSE 'lead' END,
       etl.as_of_date(), etl.current_run_id()
FROM scored r
JOIN dw.dim_customer c ON c.customer_id = r.customer_id AND c.is_current AND c.customer_key <> 0;

SELECT etl.restore_indexes('marts.mart_customer_value');
