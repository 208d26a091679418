-- Per file of this run: rows staged, rows that became facts, and staged rows whose natural key is
-- in the warehouse at all. staged = loaded + merged must hold and every merged row must be
-- explained by a fact with its key; the pipeline fails the run otherwise.
WITH staged AS (
    SELECT source_file, count(*) AS staged,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dw.fct_sales_line f
                                          WHERE f.order_id = s.order_id AND f.line_no = s.line_no)) AS present
    FROM staging.stg_sales_line s GROUP BY source_file
    UNION ALL
    SELECT source_file, count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dw.fct_warranty_registration f WHERE f.card_id = w.card_id))
    FROM staging.stg_warranty_card w GROUP BY source_file
    UNION ALL
    SELECT source_file, count(*),
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM dw.fct_contact_attempt f WHERE f.attempt_id = a.attempt_id))
    FROM staging.stg_contact_attempt a GROUP BY source_file
)
SELECT s.source_file, s.staged, coalesce(l.loaded, 0) AS loaded, s.present
FROM staged s LEFT JOIN run_loaded l USING (source_file)
ORDER BY s.source_file;
