-- Telemarketing KPIs per campaign; the formulas are in the column comments of
-- marts.mart_campaign_kpi (migration 005).
DELETE FROM marts.mart_campaign_kpi;

INSERT INTO marts.mart_campaign_kpi
SELECT cp.campaign_code, cp.campaign_name,
       min(f.called_at)::date, max(f.called_at)::date,
       count(DISTINCT f.agent_key),
       count(*), sum(f.is_connected), sum(f.is_right_party), sum(f.is_presented), sum(f.is_sale), sum(f.is_lapsed),
       coalesce(sum(f.sale_amount) FILTER (WHERE f.is_sale = 1 AND f.is_lapsed = 0), 0),
       round(sum(f.is_connected)::numeric / nullif(count(*), 0), 4),
       round(sum(f.is_right_party)::numeric / nullif(sum(f.is_connected), 0), 4),
       round(sum(f.is_presented)::numeric / nullif(sum(f.is_right_party), 0), 4),
       round(sum(f.is_sale)::numeric / nullif(sum(f.is_right_party), 0), 4),
       round(sum(f.is_lapsed)::numeric / nullif(sum(f.is_sale), 0), 4),
       round(coalesce(sum(f.sale_amount) FILTER (WHERE f.is_sale = 1 AND f.is_lapsed = 0), 0)
             / nullif(count(DISTINCT f.agent_key), 0), 2),
       round(sum(f.is_sale)::numeric / nullif(count(DISTINCT f.agent_key), 0), 2),
       etl.as_of_date(), etl.current_run_id()
FROM dw.fct_contact_attempt f
JOIN dw.dim_campaign cp ON cp.campaign_key = f.campaign_key
WHERE f.called_at::date <= etl.as_of_date()
GROUP BY cp.campaign_code, cp.campaign_name;
