-- Per file of this run: rows staged, rows that became facts, and staged rows whose natural key is
-- in the warehouse at all. staged = loaded + merged must hold and every merged row must be
-- explained by a fact with its key; the pipeline fails the run otherwise.
-- The partitioned facts' keys are read from their natural-key tables (012_natural_keys.sql): one
-- index per key instead of one per month. A night's few staged rows probe those indexes (migration 021).
-- The figures are left in the temp table reconciliation, which the pipeline reads.
SELECT etl.index_joins_for_few_staged();
CREATE TEMP TABLE reconciliation ON COMMIT DROP AS
WITH staged AS (
    SELECT s.source_file, count(*) AS staged, count(f.order_id) AS present
    FROM staging.stg_sales_line s
    LEFT JOIN dw.sales_line_key f ON f.order_id = s.order_id AND f.line_no = s.line_no
    GROUP BY s.source_file
    UNION ALL
    SELECT w.source_file, count(*), count(f.card_id)
    FROM staging.stg_warranty_card w
    LEFT JOIN dw.fct_warranty_registration f ON f.card_id = w.card_id
    GROUP BY w.source_file
    UNION ALL
    SELECT a.source_file, count(*), count(f.attempt_id)
    FROM staging.stg_contact_attempt a
    LEFT JOIN dw.contact_attempt_key f ON f.attempt_id = a.attempt_id
    GROUP BY a.source_file
)
SELECT s.source_file, s.staged, coalesce(l.loaded, 0) AS loaded, s.present
FROM staged s LEFT JOIN run_loaded l USING (source_file);
RESET enable_hashjoin;
RESET enable_mergejoin;
