-- Telemarketing KPIs per campaign; the formulas are in the column comments of
-- marts.mart_campaign_kpi (migration 005).
DELETE FROM marts.mart_campaign_kpi;

-- Folded per campaign and agent first: the agents who called are then that fold's rows, with no
-- sort of every attempt for a count(DISTINCT agent_key).
WITH per_agent AS (
    SELECT f.campaign_key, f.agent_key, min(f.called_at) AS first_call, max(f.called_at) AS last_call,
           count(*) AS attempts, sum(f.is_connected) AS connected, sum(f.is_right_party) AS right_party,
           sum(f.is_presented) AS presented, sum(f.is_sale) AS sales, sum(f.is_lapsed) AS lapsed,
           sum(f.sale_amount) FILTER (WHERE f.is_sale = 1 AND f.is_lapsed = 0) AS revenue
    FROM dw.fct_contact_attempt f
    -- A bound on called_at itself (not its date) lets the scan skip the months after the as-of date.
    WHERE f.called_at < (SELECT etl.as_of_date()) + 1
    GROUP BY f.campaign_key, f.agent_key
), per_campaign AS (
    SELECT cp.campaign_code, cp.campaign_name, min(a.first_call)::date AS first_call_date,
           max(a.last_call)::date AS last_call_date, count(*) AS agents,
           sum(a.attempts) AS attempts, sum(a.connected) AS connected, sum(a.right_party) AS right_party,
           sum(a.presented) AS presented, sum(a.sales) AS sales, sum(a.lapsed) AS lapsed,
           coalesce(sum(a.revenue), 0) AS revenue
    FROM per_agent a
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
