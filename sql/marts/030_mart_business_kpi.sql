-- Business KPIs as of etl.as_of_date(): revenue concentration, revenue from existing customers,
-- repeat buying, the follow-up effect of calls, and the size of each value tier.
DELETE FROM marts.mart_business_kpi WHERE as_of_date = etl.as_of_date();

-- Sales per customer and day from the summary (migration 006): it holds the lines up to the as-of date.
WITH sales AS (
    SELECT customer_id, day AS order_date, line_revenue_cny AS amount_cny
    FROM dw.customer_day_sales WHERE lines > 0
), window_12m AS (
    SELECT customer_id, sum(amount_cny) AS revenue FROM sales
    WHERE order_date > etl.as_of_date() - 365 GROUP BY customer_id
), prior_12m AS (
    SELECT customer_id, sum(amount_cny) AS revenue FROM sales
    WHERE order_date > etl.as_of_date() - 730 AND order_date <= etl.as_of_date() - 365 GROUP BY customer_id
), first_purchase AS (
    -- With the days each customer bought on (the repeat share's orders), from the same pass.
    SELECT customer_id, min(order_date) AS first_date, count(*) AS orders FROM sales GROUP BY customer_id
), ranked AS (
    SELECT revenue, ntile(5) OVER (ORDER BY revenue DESC) AS quintile FROM window_12m
), called AS (
    SELECT DISTINCT customer_id FROM dw.fct_contact_attempt
    -- Bounds on called_at itself (not its date) let the scan skip the months outside the window.
    WHERE is_right_party = 1 AND called_at >= etl.as_of_date() - 729 AND called_at < etl.as_of_date() - 364
), spend AS (
    -- Customers who bought in the earlier window: their spend now against then.
    SELECT p.customer_id, p.revenue AS before, coalesce(w.revenue, 0) AS after,
           (c.customer_id IS NOT NULL) AS was_called
    FROM prior_12m p LEFT JOIN window_12m w USING (customer_id) LEFT JOIN called c USING (customer_id)
)
INSERT INTO marts.mart_business_kpi
SELECT etl.as_of_date(),
       (SELECT count(*) FROM first_purchase),
       (SELECT count(*) FROM window_12m),
       (SELECT coalesce(round(sum(revenue), 2), 0) FROM window_12m),
       (SELECT round(sum(revenue) FILTER (WHERE quintile = 1) / nullif(sum(revenue), 0), 4) FROM ranked),
       (SELECT round(sum(w.revenue) FILTER (WHERE fp.first_date <= etl.as_of_date() - 365) / nullif(sum(w.revenue), 0), 4)
          FROM window_12m w JOIN first_purchase fp USING (customer_id)),
       (SELECT round(count(*) FILTER (WHERE orders > 1)::numeric / nullif(count(*), 0), 4)
          FROM first_purchase),
       (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE was_called),
       (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE NOT was_called),
       (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'platinum'),
       (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'gold'),
       (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'iron'),
       (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'lead'),
       etl.current_run_id();
