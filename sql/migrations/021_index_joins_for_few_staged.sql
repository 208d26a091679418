-- Joins for a run that staged few rows beside what is loaded.
--
-- A night stages a few thousand rows against millions loaded. The anti joins of load/040 against the
-- natural-key tables are then estimated to keep about one staged row, and with that estimate hashing
-- a whole key table or fact looked no dearer than probing it: a night hashed 871k attempt keys and
-- 199k cards for 16k staged rows (0.4 s); the reconciliation (load/090) hashed all three key tables
-- in parallel workers for the same rows. When the staged rows are fewer than a twentieth of the
-- loaded natural keys, this turns hash and merge joins off for the rest of the transaction, so every
-- join goes down an index; the caller RESETs both when its statements are done. Returns whether it did.
CREATE FUNCTION etl.index_joins_for_few_staged() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    -- Both sides from the planner's row counts: the run ANALYZEs staging before the load scripts,
    -- and counting a first load's 2M staged rows, once per caller, cost ~0.1 s a call.
    staged float8 := (SELECT sum(greatest(reltuples, 0)) FROM pg_class
                      WHERE oid IN ('staging.stg_sales_line'::regclass, 'staging.stg_warranty_card'::regclass,
                                    'staging.stg_contact_attempt'::regclass));
    loaded float8 := (SELECT sum(greatest(reltuples, 0)) FROM pg_class
                      WHERE oid IN ('dw.sales_line_key'::regclass, 'dw.contact_attempt_key'::regclass,
                                    'dw.fct_warranty_registration'::regclass));
BEGIN
    IF staged * 20 >= loaded THEN
        RETURN false;
    END IF;
    PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);
    RETURN true;
END $$;
