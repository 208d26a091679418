-- Per-customer summaries of the sales and warranty facts, so the marts read ~one row per customer
-- and day instead of every fact row. load/050_customer_summary.sql keeps them equal to what the
-- facts give as of etl.as_of_date(): each run recomputes, from their facts, only the customers
-- whose facts changed (any insert, update or delete of a fact marks them, whatever the path:
-- the load, the corrected-file rule, merges) and those with facts the new as-of date brings in.

CREATE TABLE dw.customer_day_sales (
    customer_id        bigint  NOT NULL,
    day                date    NOT NULL,
    lines              integer NOT NULL,
    line_revenue_cny   numeric NOT NULL,
    orders             integer NOT NULL,
    order_revenue_cny  numeric,
    PRIMARY KEY (customer_id, day)
);
COMMENT ON TABLE dw.customer_day_sales IS 'Per customer and day (up to the as-of date): sales lines dated that day and their amount, and the orders whose first line is dated that day and their amount, in CNY.';

CREATE TABLE dw.customer_category (
    customer_id    bigint  NOT NULL,
    category       text    NOT NULL,
    bought         date,
    price_sum_cny  numeric,
    priced_lines   integer NOT NULL,
    PRIMARY KEY (customer_id, category)
);
COMMENT ON TABLE dw.customer_category IS 'Per customer and category: the latest purchase or registration up to the as-of date (NULL: none yet), and the sum and count of the unit prices (> 0, in CNY) of all its sales lines, from which the category''s average price follows.';

-- What the summaries were computed with: a smaller as-of date or other rates need a full rebuild.
CREATE TABLE dw.customer_summary_state (
    as_of_date  date NOT NULL,
    rates       text NOT NULL
);

-- Customers whose facts changed since the summaries were last brought up to date.
CREATE TABLE dw.customer_summary_dirty (customer_id bigint NOT NULL);

CREATE FUNCTION dw.mark_summary_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Transition tables exist only for the events they were declared for, hence the branches.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dw.customer_summary_dirty SELECT DISTINCT customer_id FROM changed_new;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO dw.customer_summary_dirty SELECT DISTINCT customer_id FROM changed_old;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER sales_inserted AFTER INSERT ON dw.fct_sales_line
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.mark_summary_dirty();
CREATE TRIGGER sales_updated AFTER UPDATE ON dw.fct_sales_line
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.mark_summary_dirty();
CREATE TRIGGER sales_deleted AFTER DELETE ON dw.fct_sales_line
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION dw.mark_summary_dirty();
CREATE TRIGGER warranty_inserted AFTER INSERT ON dw.fct_warranty_registration
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.mark_summary_dirty();
CREATE TRIGGER warranty_updated AFTER UPDATE ON dw.fct_warranty_registration
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.mark_summary_dirty();
CREATE TRIGGER warranty_deleted AFTER DELETE ON dw.fct_warranty_registration
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION dw.mark_summary_dirty();
