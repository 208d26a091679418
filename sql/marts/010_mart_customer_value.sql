-- Per customer value as of etl.as_of_date(). Customers are the current rows of dim_customer with at
-- least one order. Thresholds come from the pipeline ([scoring]) as settings:
-- starcard.current_high_share (top share by current value that counts as high) and
-- starcard.potential_high_share (likewise for potential value).
DELETE FROM marts.mart_customer_value;
-- Five sorts of every customer: in memory they take a fraction of their time on disk.
SET LOCAL work_mem = '256MB';

-- Reads the per-customer summaries (migration 006, brought up to date by load/050) rather than
-- every fact row; the summaries hold exactly the facts up to etl.as_of_date().
WITH per_customer AS (
    SELECT customer_id,
           min(day) FILTER (WHERE orders > 0) AS first_purchase, max(day) FILTER (WHERE orders > 0) AS last_purchase,
           sum(orders) AS orders,
           sum(order_revenue_cny) AS revenue,
           sum(order_revenue_cny) FILTER (WHERE day > etl.as_of_date() - 365) AS revenue_12m
    FROM dw.customer_day_sales GROUP BY customer_id HAVING sum(orders) > 0
), category_price AS (
    -- The average unit price (> 0, in CNY) of each category's sales lines, whatever their date.
    SELECT category, sum(price_sum_cny) / sum(priced_lines) AS avg_price
    FROM dw.customer_category GROUP BY category HAVING sum(priced_lines) > 0
), replacement AS (
    -- Appliances a customer owns (bought or registered), the latest purchase per category.
    SELECT o.customer_id, count(*) AS categories_owned,
           coalesce(sum(cp.avg_price) FILTER (
               WHERE etl.as_of_date() - o.bought >= (l.life_years_min * 365.25)::int - 365), 0) AS due_value
    FROM dw.customer_category o
    LEFT JOIN dw.category_lifecycle l ON l.category = o.category
    LEFT JOIN category_price cp ON cp.category = o.category
    WHERE o.bought IS NOT NULL
    GROUP BY o.customer_id
), scored AS (
    SELECT c.customer_id, c.name, c.mobile, c.province, c.city,
           p.first_purchase, p.last_purchase, etl.as_of_date() - p.last_purchase AS recency_days,
           p.orders, p.revenue, coalesce(p.revenue_12m, 0) AS revenue_12m,
           p.revenue / p.orders AS avg_order,
           coalesce(rp.categories_owned, 0) AS categories_owned,
           -- Mean gap between orders; one-order customers get the population's typical two years.
           CASE WHEN p.orders > 1 THEN (p.last_purchase - p.first_purchase)::numeric / (p.orders - 1) ELSE 730 END AS mean_gap,
           -- Orders per year over the customer's tenure (at least one year of tenure).
           p.orders / greatest((etl.as_of_date() - p.first_purchase) / 365.25, 1.0) AS orders_per_year,
           coalesce(rp.due_value, 0) AS due_value
    FROM dw.dim_customer c
    JOIN per_customer p ON p.customer_id = c.customer_id
    LEFT JOIN replacement rp ON rp.customer_id = c.customer_id
    WHERE c.is_current AND c.customer_key <> 0
), valued AS MATERIALIZED (
    -- Materialized: p_active is read twice below, and an inlined CTE would compute its numeric
    -- exp() (the costliest expression here) once per read.
    SELECT s.*,
           exp(-s.recency_days / (2.0 * greatest(s.mean_gap, 30))) AS p_active
    FROM scored s
), potential AS (
    SELECT v.*,
           v.orders_per_year * v.avg_order * v.p_active + v.due_value AS potential_value,
           -- customer_id breaks ties: otherwise the quintile of tied customers follows the rows'
           -- physical order, and a warehouse recovered from a killed run scores differently.
           ntile(5) OVER (ORDER BY v.recency_days DESC, v.customer_id) AS r_score,
           ntile(5) OVER (ORDER BY v.orders, v.customer_id) AS f_score,
           ntile(5) OVER (ORDER BY v.revenue, v.customer_id) AS m_score
    FROM valued v
), ranked AS (
    SELECT p.*,
           percent_rank() OVER (ORDER BY p.revenue_12m DESC) AS current_rank,
           percent_rank() OVER (ORDER BY p.potential_value DESC) AS potential_rank
    FROM potential p
)
INSERT INTO marts.mart_customer_value
SELECT customer_id, name, mobile, province, city, first_purchase, last_purchase, recency_days, orders,
       round(revenue, 2), round(revenue_12m, 2), round(avg_order, 2), categories_owned,
       r_score, f_score, m_score, round(p_active, 4), round(revenue_12m, 2), round(potential_value, 2),
       CASE WHEN high_current AND high_potential THEN 'platinum'
            WHEN high_current THEN 'gold'
            WHEN high_potential THEN 'iron'
            ELSE 'lead' END,
       etl.as_of_date(), etl.current_run_id()
FROM (SELECT r.*,
             r.revenue_12m > 0 AND r.current_rank < current_setting('starcard.current_high_share')::numeric AS high_current,
             r.potential_value > 0 AND r.potential_rank < current_setting('starcard.potential_high_share')::numeric AS high_potential
      FROM ranked r) t;
