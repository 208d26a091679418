-- The part of dw.customer_identity one run's dedupe can touch (see Dedupe's HistoryRequest): the
-- run COPYs its keys that no block covers and its blocks into these staging tables, and
-- dw.identity_history() returns the known keys equal to one of those keys plus the known keys
-- `<block>|<name>` of each block. A night reads a few thousand rows instead of the whole history.
CREATE UNLOGGED TABLE staging.stg_history_key (
    identity_key text COLLATE "C" NOT NULL
);
CREATE UNLOGGED TABLE staging.stg_history_block (
    block text COLLATE "C" NOT NULL
);

-- Every key of a block sits in the primary-key range [block || '|', block || '}') under byte
-- order ('}' is the byte after '|', and names never contain '|'), so each block is one short
-- index range scan, each key one index probe. Probing in key order walks the btree's leaves
-- mostly forward, which measured a third faster than probing in arrival order.
CREATE FUNCTION dw.identity_history() RETURNS TABLE (identity_key text, customer_id bigint)
LANGUAGE sql STABLE AS $$
    SELECT i.identity_key, i.customer_id
    FROM (SELECT identity_key FROM staging.stg_history_key ORDER BY 1) k
    JOIN dw.customer_identity i ON i.identity_key = k.identity_key
    UNION ALL
    SELECT i.identity_key, i.customer_id
    FROM (SELECT block FROM staging.stg_history_block ORDER BY 1) b
    JOIN dw.customer_identity i ON i.identity_key >= b.block || '|' AND i.identity_key < b.block || '}'
$$;

-- The first load of an empty dw.customer_identity brings every key at once (1.7M for 500k
-- customers): maintaining both btrees row by row cost several times more than building them once
-- from the loaded table, above all the customer_id index, whose inserts arrive in random order.
-- begin suspends the keys and indexes when the table is empty (and says whether it did); end
-- rebuilds them (etl.suspend_indexes / etl.restore_indexes, 011_lean_load.sql, keep their
-- definitions). Both run inside the run's transaction, so a failed or killed run gets them back.
CREATE FUNCTION dw.begin_identity_bulk_load() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM dw.customer_identity) THEN
        RETURN false;
    END IF;
    -- A table emptied in this transaction gets a new file: with wal_level = minimal the COPY
    -- into it writes no WAL.
    TRUNCATE dw.customer_identity;
    PERFORM etl.suspend_indexes('dw.customer_identity');
    RETURN true;
END $$;

CREATE FUNCTION dw.end_identity_bulk_load() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM etl.restore_indexes('dw.customer_identity');
END $$;
