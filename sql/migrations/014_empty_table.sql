-- Empties a table for a rebuild inside the run's transaction. TRUNCATE is the fast way (a new
-- file: no dead rows, and with wal_level minimal the refill writes no WAL) but it needs the table
-- to itself, and a reader inside it (a long query, a BI tool's idle transaction) could hold the
-- nightly run for hours. So the lock is awaited for at most `patience`; past that the rows are
-- deleted instead, which shares the table with readers. Returns true when it truncated.
CREATE FUNCTION etl.empty_table(tbl regclass, patience text DEFAULT '2s') RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    configured text := current_setting('lock_timeout');
BEGIN
    BEGIN
        PERFORM set_config('lock_timeout', patience, true);
        EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', tbl);
        PERFORM set_config('lock_timeout', configured, true);
        EXECUTE format('TRUNCATE %s', tbl);
        RETURN true;
    EXCEPTION WHEN lock_not_available THEN
        -- The failed block's settings were rolled back with it: lock_timeout is the caller's again.
        RAISE NOTICE '% is in use by another session: emptied by DELETE', tbl;
        EXECUTE format('DELETE FROM %s', tbl);
        RETURN false;
    END;
END $$;
