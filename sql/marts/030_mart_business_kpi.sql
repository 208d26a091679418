-- Business KPIs as of etl.as_of_date(): revenue concentration, revenue from existing customers,
-- repeat buying, the follow-up effect of calls, and the size of each value tier.
DELETE FROM marts.mart_business_kpi WHERE as_of_date = etl.as_of_date();

-- One row per customer with sales lines up to the as-of date (dw.customer_stats, kept by load/050):
-- its line revenue of the last 12 months and of the 12 before (NULL: no line in that window),
-- its first day with a line and the number of such days (the repeat share's orders).
WITH window_12m AS (
    SELECT customer_id, line_revenue_12m_cny AS revenue, first_sale_day
    FROM dw.customer_stats WHERE line_revenue_12m_cny IS NOT NULL
), ranked AS (
    SELECT revenue, ntile(5) OVER (ORDER BY revenue DESC) AS quintile FROM window_12m
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
       (SELECT count(*) FROM dw.customer_stats),
       (SELECT count(*) FROM window_12m),
       (SELECT coalesce(round(sum(revenue), 2), 0) FROM window_12m),
       (SELECT round(sum(revenue) FILTER (WHERE quintile = 1) / nullif(sum(revenue), 0), 4) FROM ranked),
       (SELECT round(sum(revenue) FILTER (WHERE first_sale_day <= (SELECT etl.as_of_date()) - 365) / nullif(sum(revenue), 0), 4)
          FROM window_12m),
       (SELECT round(count(*) FILTER (WHERE sale_days > 1)::numeric / nullif(count(*), 0), 4)
          FROM dw.customer_stats),
       (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE was_called),
       (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE NOT was_called),
       t.platinum, t.gold, t.iron, t.lead,
       etl.current_run_id()
FROM tiers t;
