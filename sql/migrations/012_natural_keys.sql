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

-- An UPDATE that keeps the key (a merge moving facts to another customer) changes nothing here.
CREATE FUNCTION dw.track_sales_line_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dw.sales_line_key SELECT order_id, line_no FROM changed_new;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM dw.sales_line_key k USING changed_old o WHERE k.order_id = o.order_id AND k.line_no = o.line_no;
    ELSE
        DELETE FROM dw.sales_line_key k
        USING (SELECT order_id, line_no FROM changed_old EXCEPT SELECT order_id, line_no FROM changed_new) o
        WHERE k.order_id = o.order_id AND k.line_no = o.line_no;
        INSERT INTO dw.sales_line_key
        SELECT order_id, line_no FROM changed_new EXCEPT SELECT order_id, line_no FROM changed_old;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION dw.track_contact_attempt_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dw.contact_attempt_key SELECT attempt_id FROM changed_new;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM dw.contact_attempt_key k USING changed_old o WHERE k.attempt_id = o.attempt_id;
    ELSE
        DELETE FROM dw.contact_attempt_key k
        USING (SELECT attempt_id FROM changed_old EXCEPT SELECT attempt_id FROM changed_new) o
        WHERE k.attempt_id = o.attempt_id;
        INSERT INTO dw.contact_attempt_key
        SELECT attempt_id FROM changed_new EXCEPT SELECT attempt_id FROM changed_old;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER sales_keys_inserted AFTER INSERT ON dw.fct_sales_line
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.track_sales_line_keys();
CREATE TRIGGER sales_keys_updated AFTER UPDATE ON dw.fct_sales_line
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.track_sales_line_keys();
CREATE TRIGGER sales_keys_deleted AFTER DELETE ON dw.fct_sales_line
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION dw.track_sales_line_keys();
CREATE TRIGGER contact_keys_inserted AFTER INSERT ON dw.fct_contact_attempt
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.track_contact_attempt_keys();
CREATE TRIGGER contact_keys_updated AFTER UPDATE ON dw.fct_contact_attempt
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.track_contact_attempt_keys();
CREATE TRIGGER contact_keys_deleted AFTER DELETE ON dw.fct_contact_attempt
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION dw.track_contact_attempt_keys();
