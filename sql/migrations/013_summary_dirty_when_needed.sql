-- Marking changed customers is only needed when there are summaries to bring up to date: without
-- a summary state (a first load, or a state cleared to force it) load/050 rebuilds every customer,
-- and a first load's million fact rows made a million marks for nothing (0.8 s of the sales insert).
CREATE OR REPLACE FUNCTION dw.mark_summary_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM dw.customer_summary_state) THEN
        RETURN NULL;
    END IF;
    -- Transition tables exist only for the events they were declared for, hence the branches.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO dw.customer_summary_dirty SELECT DISTINCT customer_id FROM changed_new;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO dw.customer_summary_dirty SELECT DISTINCT customer_id FROM changed_old;
    END IF;
    RETURN NULL;
END $$;
