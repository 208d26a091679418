-- Business KPIs as of etl.as_of_date(): revenue concentration, revenue from existing customers,
-- repeat buying, the follow-up effect of calls, and the size of each value tier.
DELETE FROM marts.mart_business_kpi WHERE as_of_date = etl.as_of_date();

-- dw.customer_stats (kept by load/050) has one row per customer with sales lines up to the as-of
-- date: its line revenue of the last 12 months and of the 12 before (NULL: no line in that window),
-- its first day with a line and the number of such days (the repeat share's orders).
--
-- The top 20% are ntile(5)'s first quintile of the 12-month revenues: k = ceil(n / 5) customers.
-- Their sum needs no window over everyone: with t the value at position k of the descending order,
-- it is the sum of the values above t plus t for each place left (tied values are equal, so which
-- of them ntile takes does not change the sum).
WITH totals AS MATERIALIZED (
    SELECT count(*) AS customers,
           count(*) FILTER (WHERE sale_days > 1) AS repeat_customers,
           count(line_revenue_12m_cny) AS active,
           (count(line_revenue_12m_cny) + 4) / 5 AS top_k,
           sum(line_revenue_12m_cny) AS revenue,
           sum(line_revenue_12m_cny) FILTER (WHERE first_sale_day <= (SELECT etl.as_of_date()) - 365) AS existing_revenue
    FROM dw.customer_stats
), top_edge AS MATERIALIZED (
    SELECT percentile_disc((SELECT (top_k - 0.5) / nullif(active, 0) FROM totals)) WITHIN GROUP
               (ORDER BY line_revenue_12m_cny DESC) AS t
    FROM dw.customer_stats WHERE line_revenue_12m_cny IS NOT NULL
), top_revenue AS (
    SELECT coalesce(sum(s.line_revenue_12m_cny) FILTER (WHERE s.line_revenue_12m_cny > e.t), 0)
           + ((SELECT top_k FROM totals) - count(*) FILTER (WHERE s.line_revenue_12m_cny > e.t)) * e.t AS revenue
    FROM dw.customer_stats s CROSS JOIN top_edge e
    WHERE s.line_revenue_12m_cny >= e.t
    GROUP BY e.t
), called AS (
    SELECT DISTINCT customer_id FROM dw.fct_contact_attempt
    -- Bounds on called_at itself (not its date) let the scan skip the months outside the window.
    WHERE is_right_party = 1 AND called_at >= (SELECT etl.as_of_date()) - 729 AND called_at < (SELECT etl.as_of_date()) - 364
), spend AS (
    -- Customers who bought in the earlier window: their spend now against then.
    SELECT s.line_revenue_prior_12m_cny AS before, coalesce(s.line_revenue_12m_cny, 0) AS after,
           (c.customer_id IS NOT NULL) AS was_called
    FROM dw.customer_stats s LEFT JOIN called c USING (customer_id)
    WHERE s.line_revenue_prior_12m_cny IS NOT NULL
), tiers AS (
    -- Counted by marts/010 as it found the tier floors: reading marts.mart_customer_value (a view)
    -- would compute every customer's potential value again.
    SELECT platinum, gold, iron, lead FROM marts.customer_value_params
)
INSERT INTO marts.mart_business_kpi
SELECT etl.as_of_date(),
       t.customers,
       t.active,
       coalesce(round(t.revenue, 2), 0),
       round((SELECT revenue FROM top_revenue) / nullif(t.revenue, 0), 4),
       round(t.existing_revenue / nullif(t.revenue, 0), 4),
       round(t.repeat_customers::numeric / nullif(t.customers, 0), 4),
       (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE was_called),
       (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE NOT was_called),
       v.platinum, v.gold, v.iron, v.lead,
       etl.current_run_id()
FROM totals t CROSS JOIN tiers v;
