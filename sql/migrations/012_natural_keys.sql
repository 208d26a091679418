-- The natural keys of the two monthly-partitioned facts, each in one table of its own.
--
-- A unique index on a partitioned table must contain the partition key, so the facts can only
-- index (order_id, line_no) and attempt_id per month: every lookup by natural key probes every
-- month, and a night's load had to hash the whole fact to find which of its rows were re-exports.
-- These tables hold each natural key once, unique across all months, so that lookup is one probe
-- and a duplicate key is an error rather than a silent second row. Statement triggers keep them
-- equal to the keys in the facts whatever the path (the load, the corrected-file rule, merges).
CREATE TABLE dw.sales_line_key (
    order_id text    NOT NULL,
    line_no  integer NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
COMMENT ON TABLE dw.sales_line_key IS 'Every (order_id, line_no) in dw.fct_sales_line, once: the natural key, unique across months.';

CREATE TABLE dw.contact_attempt_key (
    attempt_id text PRIMARY KEY
);
COMMENT ON TABLE dw.contact_attempt_key IS 'Every attempt_id in dw.fct_contact_attempt, once: the natural key, unique across months.';

INSERT INTO dw.sales_line_key SELECT DISTINCT order_id, line_no FROM dw.fct_sales_line;
INSERT INTO dw.contact_attempt_key SELECT DISTINCT attempt_id FROM dw.fct_contact_attempt;

-- One function for both facts: the trigger names its key table and key columns (trusted text from
-- this migration, spliced into the statements). An UPDATE that keeps the key (a merge moving facts
-- to another customer) changes nothing here.
CREATE FUNCTION dw.track_natural_keys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text := TG_ARGV[0];
    cols text := TG_ARGV[1];
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('INSERT INTO %s SELECT %s FROM changed_new', keys, cols);
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('DELETE FROM %s WHERE (%s) IN (SELECT %s FROM changed_old)', keys, cols, cols);
    ELSE
        EXECUTE format('DELETE FROM %s WHERE (%s) IN (SELECT %s FROM changed_old EXCEPT SELECT %s FROM changed_new)',
                       keys, cols, cols, cols);
        EXECUTE format('INSERT INTO %s SELECT %s FROM changed_new EXCEPT SELECT %s FROM changed_old', keys, cols, cols);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER sales_keys_inserted AFTER INSERT ON dw.fct_sales_line REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_natural_keys('dw.sales_line_key', 'order_id, line_no');
CREATE TRIGGER sales_keys_updated AFTER UPDATE ON dw.fct_sales_line REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_natural_keys('dw.sales_line_key', 'order_id, line_no');
CREATE TRIGGER sales_keys_deleted AFTER DELETE ON dw.fct_sales_line REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_natural_keys('dw.sales_line_key', 'order_id, line_no');
CREATE TRIGGER contact_keys_inserted AFTER INSERT ON dw.fct_contact_attempt REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_natural_keys('dw.contact_attempt_key', 'attempt_id');
CREATE TRIGGER contact_keys_updated AFTER UPDATE ON dw.fct_contact_attempt REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_natural_keys('dw.contact_attempt_key', 'attempt_id');
CREATE TRIGGER contact_keys_deleted AFTER DELETE ON dw.fct_contact_attempt REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_natural_keys('dw.contact_attempt_key', 'attempt_id');
