-- Customers that dedupe found to be one person this run: the absorbed id's identity keys and facts
-- move to the survivor; its dimension rows stay as history but are no longer current.
INSERT INTO dw.customer_merge (from_customer_id, to_customer_id, run_id)
SELECT from_customer_id, to_customer_id, etl.current_run_id() FROM staging.stg_merge
ON CONFLICT (from_customer_id) DO NOTHING;

UPDATE dw.customer_identity i SET customer_id = m.to_customer_id
FROM staging.stg_merge m WHERE i.customer_id = m.from_customer_id;

UPDATE dw.fct_sales_line f SET customer_id = m.to_customer_id
FROM staging.stg_merge m WHERE f.customer_id = m.from_customer_id;
UPDATE dw.fct_warranty_registration f SET customer_id = m.to_customer_id
FROM staging.stg_merge m WHERE f.customer_id = m.from_customer_id;
UPDATE dw.fct_contact_attempt f SET customer_id = m.to_customer_id
FROM staging.stg_merge m WHERE f.customer_id = m.from_customer_id;

UPDATE dw.dim_customer d SET is_current = false, valid_to = greatest(d.valid_from, etl.as_of_date())
FROM staging.stg_merge m WHERE d.customer_id = m.from_customer_id AND d.is_current;

-- Known keys that dedupe now puts elsewhere (new keys were already copied in by the loader).
UPDATE dw.customer_identity i SET customer_id = s.customer_id
FROM staging.stg_identity s WHERE i.identity_key = s.identity_key AND i.customer_id <> s.customer_id;
