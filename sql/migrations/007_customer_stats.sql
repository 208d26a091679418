-- One row per customer with sales up to the as-of date, folded from dw.customer_day_sales and
-- dw.customer_category by load/050 for the customers whose summaries changed and for those whose
-- days crossed a 12-month window edge as the as-of date moved: a night rewrites ~1% of the rows,
-- and the marts read one narrow row per customer instead of every customer-day.
-- Sums stay numeric (exact): they are published, and they order customers into quintiles.
CREATE TABLE dw.customer_stats (
    customer_id          bigint  PRIMARY KEY,
    first_purchase       date,
    last_purchase        date,
    orders               integer NOT NULL,
    revenue_cny          numeric,
    revenue_12m_cny      numeric,
    sale_days            integer NOT NULL,
    first_sale_day       date,
    line_revenue_12m_cny numeric,
    line_revenue_prior_12m_cny numeric,
    categories_owned     integer NOT NULL
);
COMMENT ON TABLE dw.customer_stats IS 'Per customer, as of the summaries'' as-of date: orders (dated by their first line) with their first/last date, count and CNY revenue, all-time and in the 12 months to the as-of date; days with sales lines, the first of them, and the line revenue of the last 12 months and of the 12 before (NULL: no line in that window); categories owned.';

-- The summaries of an existing warehouse have no stats yet: the next run rebuilds them all.
DELETE FROM dw.customer_summary_state;
