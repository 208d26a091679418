-- The months of this run's facts get their partitions before the facts load, and so do the two
-- months after the newest: an ordinary night then never creates one (creating a partition locks
-- the fact against readers until the run commits).
SELECT etl.ensure_month_partitions('dw.fct_sales_line', m, m)
FROM (SELECT DISTINCT date_trunc('month', order_date)::date AS m FROM staging.stg_sales_line) x;
SELECT etl.ensure_month_partitions('dw.fct_sales_line', (max(order_date) + interval '1 month')::date,
                                   (max(order_date) + interval '2 months')::date)
FROM staging.stg_sales_line;

SELECT etl.ensure_month_partitions('dw.fct_contact_attempt', m, m)
FROM (SELECT DISTINCT date_trunc('month', called_at)::date AS m FROM staging.stg_contact_attempt) x;
SELECT etl.ensure_month_partitions('dw.fct_contact_attempt', (max(called_at) + interval '1 month')::date,
                                   (max(called_at) + interval '2 months')::date)
FROM staging.stg_contact_attempt;
