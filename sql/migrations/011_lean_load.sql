-- Cheaper loads, same answers.
--
-- Person keys are 32-hex-digit digests (Dedupe's PersonKey). As uuid they are 16 bytes compared
-- with memcmp; as text every staged row carried 33 bytes and each join hashed the characters.
-- The fact loads join a million staged rows to the run's persons on this key.
ALTER TABLE staging.stg_person          ALTER person_key TYPE uuid USING person_key::uuid;
ALTER TABLE staging.stg_sales_line      ALTER person_key TYPE uuid USING person_key::uuid;
ALTER TABLE staging.stg_warranty_card   ALTER person_key TYPE uuid USING person_key::uuid;
ALTER TABLE staging.stg_contact_attempt ALTER person_key TYPE uuid USING person_key::uuid;

-- Monthly partitions already narrow a date range to its months, and inside a month (about 12k
-- lines) a scan is as quick as the index; keeping the index up to date cost a third of the
-- sales insert.
DROP INDEX dw.fct_sales_line_date;

-- ANALYZE samples every partition: statistics of columns nobody filters, groups or joins on
-- (bookkeeping, measures, the SCD2 version key) were more than half of its time. The planner falls
-- back to its defaults for them.
ALTER TABLE dw.fct_sales_line
    ALTER customer_key SET STATISTICS 0, ALTER line_no SET STATISTICS 0, ALTER channel SET STATISTICS 0,
    ALTER quantity SET STATISTICS 0, ALTER unit_price SET STATISTICS 0, ALTER amount SET STATISTICS 0,
    ALTER currency SET STATISTICS 0, ALTER run_id SET STATISTICS 0, ALTER source_file SET STATISTICS 0,
    ALTER source_line SET STATISTICS 0;
ALTER TABLE dw.fct_contact_attempt
    ALTER customer_key SET STATISTICS 0, ALTER sale_amount SET STATISTICS 0, ALTER run_id SET STATISTICS 0,
    ALTER source_file SET STATISTICS 0, ALTER source_line SET STATISTICS 0;
ALTER TABLE dw.fct_warranty_registration
    ALTER customer_key SET STATISTICS 0, ALTER serial_no SET STATISTICS 0, ALTER run_id SET STATISTICS 0,
    ALTER source_file SET STATISTICS 0, ALTER source_line SET STATISTICS 0;

-- Partitions made later take the parent's statistics targets (CREATE TABLE … PARTITION OF does not
-- copy them; ALTER TABLE on the parent reaches only the partitions that exist).
CREATE FUNCTION etl.copy_statistics_targets(parent regclass, part regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    col record;
BEGIN
    FOR col IN SELECT attname, attstattarget FROM pg_attribute
               WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0 LOOP
        EXECUTE format('ALTER TABLE %s ALTER %I SET STATISTICS %s', part, col.attname, col.attstattarget);
    END LOOP;
END $$;

-- As in 003_facts.sql, now also giving each new partition the parent's statistics targets.
CREATE OR REPLACE FUNCTION etl.ensure_month_partitions(tbl regclass, from_month date, to_month date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    m date;
    created integer := 0;
    part text;
    parent text := tbl::text;
    key_column text;
    default_part text;
BEGIN
    IF from_month IS NULL OR to_month IS NULL THEN RETURN 0; END IF;
    SELECT a.attname INTO key_column
    FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
    WHERE p.partrelid = tbl;
    SELECT c.oid::regclass::text INTO default_part
    FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partdefid WHERE p.partrelid = tbl;
    FOR m IN SELECT generate_series(date_trunc('month', from_month), date_trunc('month', to_month), interval '1 month')::date LOOP
        part := parent || '_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM');
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        IF default_part IS NOT NULL THEN
            EXECUTE format('CREATE TEMP TABLE moved_rows ON COMMIT DROP AS WITH d AS (DELETE FROM %s WHERE %I >= %L AND %I < %L RETURNING *) SELECT * FROM d',
                           default_part, key_column, m, key_column, (m + interval '1 month')::date);
        END IF;
        EXECUTE format('CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent, m, (m + interval '1 month')::date);
        PERFORM etl.copy_statistics_targets(tbl, part::regclass);
        IF default_part IS NOT NULL THEN
            EXECUTE format('INSERT INTO %s SELECT * FROM moved_rows', part);
            DROP TABLE moved_rows;
        END IF;
        created := created + 1;
    END LOOP;
    RETURN created;
END $$;

-- Bulk loads into an empty table (a first run, a rebuilt warehouse): building an index once from
-- sorted rows is several times cheaper than growing it one row at a time — a million sales lines
-- took 8.0 s with their keys in place, 3.2 s with the keys dropped and rebuilt. The load suspends a
-- table's primary key, unique constraints and indexes when the table holds none of the rows that
-- matter, and restores them, from the definitions saved here, before anything reads by them. All
-- inside the run's transaction: a failed or killed run leaves the table as it was.
CREATE FUNCTION etl.suspend_indexes(tbl regclass) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    r record;
    n integer := 0;
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS suspended_index (tbl regclass, step integer, ddl text) ON COMMIT DROP;
    -- Constraints first: their indexes go with them.
    FOR r IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
             WHERE conrelid = tbl AND contype IN ('p', 'u') ORDER BY conname LOOP
        INSERT INTO suspended_index VALUES (tbl, 1, format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, r.conname, r.def));
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, r.conname);
        n := n + 1;
    END LOOP;
    FOR r IN SELECT indexrelid::regclass AS idx, pg_get_indexdef(indexrelid) AS def FROM pg_index
             WHERE indrelid = tbl ORDER BY indexrelid::regclass::text LOOP
        -- A partitioned table's index reads `ON ONLY parent`; recreated without ONLY it builds on
        -- every partition.
        INSERT INTO suspended_index VALUES (tbl, 2, replace(r.def, ' ON ONLY ', ' ON '));
        EXECUTE format('DROP INDEX %s', r.idx);
        n := n + 1;
    END LOOP;
    RETURN n;
END $$;

CREATE FUNCTION etl.restore_indexes(tbl regclass) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    r record;
    n integer := 0;
BEGIN
    IF to_regclass('pg_temp.suspended_index') IS NULL THEN RETURN 0; END IF;
    FOR r IN SELECT ddl FROM suspended_index s WHERE s.tbl = restore_indexes.tbl ORDER BY step, ddl LOOP
        EXECUTE r.ddl;
        n := n + 1;
    END LOOP;
    DELETE FROM suspended_index s WHERE s.tbl = restore_indexes.tbl;
    RETURN n;
END $$;

-- Whether a table holds any row, for the load's choice of a bulk load.
CREATE FUNCTION etl.has_rows(tbl regclass) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    found boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s)', tbl) INTO found;
    RETURN found;
END $$;
