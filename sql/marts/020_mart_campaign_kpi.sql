-- Telemarketing KPIs per campaign; the formulas are in the column comments of
-- marts.mart_campaign_kpi (migration 005). They are read from dw.campaign_agent_calls (migration
-- 020), the attempts folded per campaign and agent, which this script first brings up to
-- etl.as_of_date(): a night folds in the attempts it added and those of earlier runs that the moved
-- as-of date brings in, and recomputes from the fact only the groups whose attempts changed. An
-- as-of date before the last one or no state (the first run) recomputes every group.
CREATE TEMP TABLE calls_basis ON COMMIT DROP AS
SELECT s.as_of_date AS folded_as_of, s.run_id AS folded_run, (s.as_of_date IS NULL OR s.as_of_date > etl.as_of_date()) AS rebuild
FROM (SELECT) one LEFT JOIN dw.campaign_agent_calls_state s ON true;

DO $do$
DECLARE
    scope text;
BEGIN
    IF (SELECT rebuild FROM calls_basis) THEN
        DELETE FROM dw.campaign_agent_calls;
        scope := 'true';
    ELSIF EXISTS (SELECT 1 FROM dw.campaign_agent_calls_dirty) THEN
        DELETE FROM dw.campaign_agent_calls
        WHERE (campaign_key, agent_key) IN (SELECT campaign_key, agent_key FROM dw.campaign_agent_calls_dirty);
        scope := '(f.campaign_key, f.agent_key) IN (SELECT campaign_key, agent_key FROM dw.campaign_agent_calls_dirty)';
    ELSE
        RETURN;
    END IF;
    -- The fact has no index by campaign: the few changed groups cost a read of every attempt, as
    -- every night did before the groups were kept.
    EXECUTE format($sql$
        INSERT INTO dw.campaign_agent_calls
        SELECT f.campaign_key, f.agent_key, min(f.called_at), max(f.called_at), count(*),
               sum(f.is_connected), sum(f.is_right_party), sum(f.is_presented), sum(f.is_sale), sum(f.is_lapsed),
               sum(f.sale_amount) FILTER (WHERE f.is_sale = 1 AND f.is_lapsed = 0)
        FROM dw.fct_contact_attempt f
        -- A bound on called_at itself (not its date) lets the scan skip the months after the as-of date.
        WHERE f.called_at < (SELECT etl.as_of_date()) + 1 AND %s
        GROUP BY f.campaign_key, f.agent_key
    $sql$, scope);
END $do$;

-- The other groups get the attempts added since (dw.campaign_agent_calls_new) and the earlier runs'
-- attempts between the last as-of date and this one (run-time pruning reads only their months).
INSERT INTO dw.campaign_agent_calls AS t
SELECT campaign_key, agent_key, min(called_at), max(called_at), count(*),
       sum(is_connected), sum(is_right_party), sum(is_presented), sum(is_sale), sum(is_lapsed),
       sum(sale_amount) FILTER (WHERE is_sale = 1 AND is_lapsed = 0)
FROM (SELECT n.campaign_key, n.agent_key, n.called_at, n.is_connected, n.is_right_party, n.is_presented,
             n.is_sale, n.is_lapsed, n.sale_amount
      FROM dw.campaign_agent_calls_new n
      WHERE n.called_at < (SELECT etl.as_of_date()) + 1
      UNION ALL
      SELECT f.campaign_key, f.agent_key, f.called_at, f.is_connected, f.is_right_party, f.is_presented,
             f.is_sale, f.is_lapsed, f.sale_amount
      FROM dw.fct_contact_attempt f
      WHERE f.called_at >= (SELECT folded_as_of FROM calls_basis) + 1 AND f.called_at < (SELECT etl.as_of_date()) + 1
        AND f.run_id <= (SELECT folded_run FROM calls_basis)) a
WHERE NOT (SELECT rebuild FROM calls_basis)
  AND NOT EXISTS (SELECT 1 FROM dw.campaign_agent_calls_dirty d
                  WHERE d.campaign_key = a.campaign_key AND d.agent_key = a.agent_key)
GROUP BY campaign_key, agent_key
ON CONFLICT (campaign_key, agent_key) DO UPDATE
SET first_call = least(t.first_call, excluded.first_call),
    last_call = greatest(t.last_call, excluded.last_call),
    attempts = t.attempts + excluded.attempts,
    connected = t.connected + excluded.connected,
    right_party = t.right_party + excluded.right_party,
    presented = t.presented + excluded.presented,
    sales = t.sales + excluded.sales,
    lapsed = t.lapsed + excluded.lapsed,
    -- NULL: no sale counted yet (a sum over no rows), on either side.
    revenue = CASE WHEN excluded.revenue IS NULL THEN t.revenue ELSE coalesce(t.revenue, 0) + excluded.revenue END;

DELETE FROM dw.campaign_agent_calls_state;
INSERT INTO dw.campaign_agent_calls_state VALUES (etl.as_of_date(), etl.current_run_id());
-- Read by this script only, and left empty for the next run.
TRUNCATE dw.campaign_agent_calls_new, dw.campaign_agent_calls_dirty;

DELETE FROM marts.mart_campaign_kpi;

WITH per_campaign AS (
    SELECT cp.campaign_code, cp.campaign_name, min(a.first_call)::date AS first_call_date,
           max(a.last_call)::date AS last_call_date, count(*) AS agents,
           sum(a.attempts) AS attempts, sum(a.connected) AS connected, sum(a.right_party) AS right_party,
           sum(a.presented) AS presented, sum(a.sales) AS sales, sum(a.lapsed) AS lapsed,
           coalesce(sum(a.revenue), 0) AS revenue
    FROM dw.campaign_agent_calls a
    JOIN dw.dim_campaign cp ON cp.campaign_key = a.campaign_key
    GROUP BY cp.campaign_code, cp.campaign_name
)
INSERT INTO marts.mart_campaign_kpi
SELECT campaign_code, campaign_name, first_call_date, last_call_date, agents,
       attempts, connected, right_party, presented, sales, lapsed, revenue,
       round(connected / nullif(attempts, 0), 4),
       round(right_party / nullif(connected, 0), 4),
       round(presented / nullif(right_party, 0), 4),
       round(sales / nullif(right_party, 0), 4),
       round(lapsed / nullif(sales, 0), 4),
       round(revenue / nullif(agents, 0), 2),
       round(sales / nullif(agents, 0), 2),
       etl.as_of_date(), etl.current_run_id()
FROM per_campaign;
