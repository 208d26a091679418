-- What marts/020_mart_campaign_kpi.sql needs of the contact attempts, folded per campaign and
-- agent as of a date, so a night adds its new attempts instead of reading every attempt again
-- (the whole fact, ~880k rows and 19k pages, for ~500 groups: 0.3 s of a night).
--
-- The mart's figures are counts, sums, minima and maxima of the attempts up to the as-of date, so
-- new attempts fold in. Attempts that change or vanish (the corrected-file rule) mark their groups,
-- which marts/020 recomputes from the fact. Only the columns the mart reads count: a merge moves
-- attempts to another customer and leaves every group as it was.
CREATE TABLE dw.campaign_agent_calls (
    campaign_key integer   NOT NULL,
    agent_key    integer   NOT NULL,
    first_call   timestamp NOT NULL,
    last_call    timestamp NOT NULL,
    attempts     bigint    NOT NULL,
    connected    bigint    NOT NULL,
    right_party  bigint    NOT NULL,
    presented    bigint    NOT NULL,
    sales        bigint    NOT NULL,
    lapsed       bigint    NOT NULL,
    revenue      numeric,
    PRIMARY KEY (campaign_key, agent_key)
);
COMMENT ON TABLE dw.campaign_agent_calls IS 'Per campaign and agent: the attempts up to the as-of date in dw.campaign_agent_calls_state, their funnel counts and the revenue of sales not lapsed (NULL: none).';

-- The as-of date the groups hold and the run that brought them to it: the attempts of that run and
-- earlier are in the groups up to that date, later ones in dw.campaign_agent_calls_new. None (the
-- first run, or cleared) makes marts/020 rebuild the groups.
CREATE TABLE dw.campaign_agent_calls_state (as_of_date date NOT NULL, run_id bigint NOT NULL);

-- Attempts inserted since marts/020 last ran, and groups whose attempts changed since.
CREATE TABLE dw.campaign_agent_calls_new (
    campaign_key integer   NOT NULL,
    agent_key    integer   NOT NULL,
    called_at    timestamp NOT NULL,
    is_connected smallint  NOT NULL,
    is_right_party smallint NOT NULL,
    is_presented smallint  NOT NULL,
    is_sale      smallint  NOT NULL,
    is_lapsed    smallint  NOT NULL,
    sale_amount  numeric(14,2)
);
CREATE TABLE dw.campaign_agent_calls_dirty (campaign_key integer NOT NULL, agent_key integer NOT NULL);

-- As in 013_summary_dirty_when_needed.sql, nothing is kept while there is no state: the first
-- load's ~880k attempts are folded by the rebuild that follows.
CREATE FUNCTION dw.track_campaign_calls() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM dw.campaign_agent_calls_state) THEN
        RETURN NULL;
    END IF;
    -- Transition tables exist only for the events they were declared for, hence the branches.
    IF TG_OP = 'INSERT' THEN
        INSERT INTO dw.campaign_agent_calls_new
        SELECT campaign_key, agent_key, called_at, is_connected, is_right_party, is_presented,
               is_sale, is_lapsed, sale_amount
        FROM changed_new;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO dw.campaign_agent_calls_dirty SELECT DISTINCT campaign_key, agent_key FROM changed_old;
    ELSE
        -- The groups whose multiset of the mart's columns changed, both ways.
        INSERT INTO dw.campaign_agent_calls_dirty
        SELECT DISTINCT campaign_key, agent_key
        FROM ((SELECT campaign_key, agent_key, called_at, is_connected, is_right_party, is_presented, is_sale,
                      is_lapsed, sale_amount FROM changed_old
               EXCEPT ALL
               SELECT campaign_key, agent_key, called_at, is_connected, is_right_party, is_presented, is_sale,
                      is_lapsed, sale_amount FROM changed_new)
              UNION ALL
              (SELECT campaign_key, agent_key, called_at, is_connected, is_right_party, is_presented, is_sale,
                      is_lapsed, sale_amount FROM changed_new
               EXCEPT ALL
               SELECT campaign_key, agent_key, called_at, is_connected, is_right_party, is_presented, is_sale,
                      is_lapsed, sale_amount FROM changed_old)) d;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER campaign_calls_inserted AFTER INSERT ON dw.fct_contact_attempt
    REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.track_campaign_calls();
CREATE TRIGGER campaign_calls_updated AFTER UPDATE ON dw.fct_contact_attempt
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION dw.track_campaign_calls();
CREATE TRIGGER campaign_calls_deleted AFTER DELETE ON dw.fct_contact_attempt
    REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION dw.track_campaign_calls();
