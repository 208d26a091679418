-- The fact rows inserted since the summaries were last brought up to date, kept so load/050 can
-- fold them into the summaries instead of recomputing their customers from every fact.
--
-- A night's customers have facts in every one of ~80 monthly partitions, and the fact's primary
-- key is per partition: recomputing one customer cost a probe per month (0.8 s of a night for
-- ~17k customers). Most of them only received new rows, and what new rows add to a customer's days
-- and categories is a sum (or a max) of those rows alone. Updates and deletes (merges, the
-- corrected-file rule) still mark customers in dw.customer_summary_dirty, which load/050
-- recomputes from their facts; it also recomputes those whose new rows do not fold (see there).
-- Only the columns the summaries read are kept, with the warranty's purchase date already chosen.
CREATE TABLE dw.summary_new_sales (
    customer_id  bigint        NOT NULL,
    order_id     text          NOT NULL,
    order_date   date          NOT NULL,
    category     text,
    unit_price   numeric(14,2),
    amount       numeric(14,2) NOT NULL,
    currency     text          NOT NULL
);
COMMENT ON TABLE dw.summary_new_sales IS 'Sales lines inserted since load/050 last ran (emptied by it): what the summaries fold in.';

CREATE TABLE dw.summary_new_warranty (
    customer_id  bigint NOT NULL,
    category     text,
    bought       date   NOT NULL
);
COMMENT ON TABLE dw.summary_new_warranty IS 'Warranty cards inserted since load/050 last ran (emptied by it), dated by purchase, else registration.';

-- Inserts no longer mark their customers: their rows are kept instead, and load/050 takes the
-- customers from them. A table this function does not know still marks (recomputed: always right).
CREATE OR REPLACE FUNCTION dw.mark_summary_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM dw.customer_summary_state) THEN
        RETURN NULL;
    END IF;
    -- Transition tables exist only for the events they were declared for, hence the branches.
    IF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'fct_sales_line' THEN
        INSERT INTO dw.summary_new_sales
        SELECT customer_id, order_id, order_date, category, unit_price, amount, currency FROM changed_new;
    ELSIF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'fct_warranty_registration' THEN
        INSERT INTO dw.summary_new_warranty
        SELECT customer_id, category, coalesce(purchase_date, registered_on) FROM changed_new;
    ELSIF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dw.customer_summary_dirty SELECT DISTINCT customer_id FROM changed_new;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO dw.customer_summary_dirty SELECT DISTINCT customer_id FROM changed_old;
    END IF;
    RETURN NULL;
END $$;
