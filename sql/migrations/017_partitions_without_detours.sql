-- A first run makes ~165 month partitions (2019-2025 of two facts), and each cost two detours
-- it rarely needed: a temporary table to move the default partition's rows of that month, made and
-- dropped even when there were none, and one ALTER TABLE per column for the statistics targets
-- (035_month_partitions took 1.0 s of the 1M-line benchmark's run).
-- As in 011_lean_load.sql, but the default partition is asked first whether it holds rows of the
-- month, and the targets are set in one ALTER TABLE.
CREATE OR REPLACE FUNCTION etl.copy_statistics_targets(parent regclass, part regclass) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    clauses text;
BEGIN
    SELECT string_agg(format('ALTER %I SET STATISTICS %s', attname, attstattarget), ', ' ORDER BY attnum)
    INTO clauses
    FROM pg_attribute
    WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0;
    IF clauses IS NOT NULL THEN
        EXECUTE format('ALTER TABLE %s %s', part, clauses);
    END IF;
END $$;

CREATE OR REPLACE FUNCTION etl.ensure_month_partitions(tbl regclass, from_month date, to_month date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    m date;
    created integer := 0;
    part text;
    parent text := tbl::text;
    key_column text;
    default_part text;
    strays boolean;
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
        strays := false;
        IF default_part IS NOT NULL THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s WHERE %I >= %L AND %I < %L)',
                           default_part, key_column, m, key_column, (m + interval '1 month')::date) INTO strays;
        END IF;
        IF strays THEN
            EXECUTE format('CREATE TEMP TABLE moved_rows ON COMMIT DROP AS WITH d AS (DELETE FROM %s WHERE %I >= %L AND %I < %L RETURNING *) SELECT * FROM d',
                           default_part, key_column, m, key_column, (m + interval '1 month')::date);
        END IF;
        EXECUTE format('CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent, m, (m + interval '1 month')::date);
        PERFORM etl.copy_statistics_targets(tbl, part::regclass);
        IF strays THEN
            EXECUTE format('INSERT INTO %s SELECT * FROM moved_rows', part);
            DROP TABLE moved_rows;
        END IF;
        created := created + 1;
    END LOOP;
    RETURN created;
END $$;
