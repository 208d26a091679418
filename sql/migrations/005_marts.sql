-- Mart tables: stable definitions (BI tools keep their datasets), refilled inside each run's
-- transaction, so readers see the previous run's rows until the new ones commit.
-- Amounts are numeric with a currency column; rates and flags are numbers, not booleans.

-- Reference data the marts need. Edit the rows to match the business.
CREATE TABLE dw.category_lifecycle (
    category        text PRIMARY KEY,
    life_years_min  numeric NOT NULL,
    life_years_max  numeric NOT NULL
);
INSERT INTO dw.category_lifecycle VALUES
 ('fridge', 8, 10), ('washer', 6, 8), ('aircon', 8, 10), ('tv', 5, 7), ('water_heater', 6, 8),
 ('range_hood', 5, 7), ('microwave', 5, 7), ('dishwasher', 8, 10);
COMMENT ON TABLE dw.category_lifecycle IS 'Typical replacement cycle per category (a fridge lasts 8-10 years).';

CREATE TABLE dw.currency_rate (
    currency text PRIMARY KEY,
    to_cny   numeric NOT NULL
);
INSERT INTO dw.currency_rate VALUES ('CNY', 1), ('TWD', 0.22);
COMMENT ON TABLE dw.currency_rate IS 'Fixed conversion into CNY for marts that add amounts across currencies.';

CREATE TABLE marts.mart_customer_value (
    customer_id        bigint PRIMARY KEY,
    customer_name      text,
    mobile             text,
    province           text,
    city               text,
    first_purchase     date,
    last_purchase      date,
    recency_days       integer,
    orders             integer,
    revenue_cny        numeric(16,2),
    revenue_12m_cny    numeric(16,2),
    avg_order_cny      numeric(16,2),
    categories_owned   integer,
    r_score            smallint,
    f_score            smallint,
    m_score            smallint,
    p_active           numeric(6,4),
    current_value_cny  numeric(16,2),
    potential_value_cny numeric(16,2),
    value_tier         text CHECK (value_tier IN ('platinum', 'gold', 'iron', 'lead')),
    as_of_date         date NOT NULL,
    run_id             bigint NOT NULL
);
COMMENT ON TABLE marts.mart_customer_value IS 'Per customer: RFM, current and potential value, and the value tier (platinum/gold/iron/lead).';
COMMENT ON COLUMN marts.mart_customer_value.recency_days IS 'Days from the last purchase to the as-of date.';
COMMENT ON COLUMN marts.mart_customer_value.r_score IS 'Recency quintile, 5 = most recent.';
COMMENT ON COLUMN marts.mart_customer_value.f_score IS 'Frequency quintile (orders), 5 = most orders.';
COMMENT ON COLUMN marts.mart_customer_value.m_score IS 'Monetary quintile (lifetime revenue), 5 = highest.';
COMMENT ON COLUMN marts.mart_customer_value.p_active IS 'Probability the customer is still active: exp(-recency / (2 x the customer''s mean gap between orders)), a simple stand-in for BG/NBD.';
COMMENT ON COLUMN marts.mart_customer_value.current_value_cny IS 'Revenue of the last 12 months, in CNY.';
COMMENT ON COLUMN marts.mart_customer_value.potential_value_cny IS 'Expected next-12-month spend: orders per year x average order x p_active, plus the price of owned appliances due for replacement.';
COMMENT ON COLUMN marts.mart_customer_value.value_tier IS 'platinum: high current and high potential; gold: high current, low potential; iron: low current, high potential; lead: low both.';

CREATE TABLE marts.mart_campaign_kpi (
    campaign_code      text PRIMARY KEY,
    campaign_name      text,
    first_call_date    date,
    last_call_date     date,
    agents             integer,
    dial_attempts      integer,
    connected_calls    integer,
    right_party_calls  integer,
    presentations      integer,
    sales              integer,
    lapsed_sales       integer,
    total_revenue_cny  numeric(16,2),
    contact_rate       numeric(6,4),
    reachable_rate     numeric(6,4),
    presentation_rate  numeric(6,4),
    hit_rate           numeric(6,4),
    lapse_rate         numeric(6,4),
    revenue_per_agent_cny numeric(16,2),
    orders_per_agent   numeric(10,2),
    as_of_date         date NOT NULL,
    run_id             bigint NOT NULL
);
COMMENT ON TABLE marts.mart_campaign_kpi IS 'Telemarketing KPIs per campaign (document 001).';
COMMENT ON COLUMN marts.mart_campaign_kpi.total_revenue_cny IS 'Total Revenue 项目总收入: sale amounts of sales whose payment did not fail.';
COMMENT ON COLUMN marts.mart_campaign_kpi.sales IS 'Total Sales 项目总销售: dial attempts that ended in a sale (paid or lapsed).';
COMMENT ON COLUMN marts.mart_campaign_kpi.contact_rate IS 'Contact Rate 接通率 = connected calls / dial attempts.';
COMMENT ON COLUMN marts.mart_campaign_kpi.reachable_rate IS 'Reachable Rate 有效接触率 = right-party calls / connected calls.';
COMMENT ON COLUMN marts.mart_campaign_kpi.presentation_rate IS 'Presentation Rate 有效推介率 = presentations / right-party calls.';
COMMENT ON COLUMN marts.mart_campaign_kpi.hit_rate IS 'Hit Rate 成功率 = sales / right-party calls (contacts with the customer).';
COMMENT ON COLUMN marts.mart_campaign_kpi.lapse_rate IS 'Lapse Rate 收款失败率 = lapsed sales / sales.';
COMMENT ON COLUMN marts.mart_campaign_kpi.revenue_per_agent_cny IS 'Revenue per Agent 营销人员销售金额 = total revenue / agents who called.';
COMMENT ON COLUMN marts.mart_campaign_kpi.orders_per_agent IS 'Orders per Agent 营销人员成功个案数量 = sales / agents who called.';

CREATE TABLE marts.mart_business_kpi (
    as_of_date                 date PRIMARY KEY,
    customers                  integer,
    active_customers           integer,
    revenue_12m_cny            numeric(16,2),
    top20_revenue_share        numeric(6,4),
    existing_customer_revenue_share numeric(6,4),
    repeat_customer_share      numeric(6,4),
    called_spend_change        numeric(8,4),
    not_called_spend_change    numeric(8,4),
    platinum_customers         integer,
    gold_customers             integer,
    iron_customers             integer,
    lead_customers             integer,
    run_id                     bigint NOT NULL
);
COMMENT ON TABLE marts.mart_business_kpi IS 'Business KPIs per as-of date (documents 000, 002, 003).';
COMMENT ON COLUMN marts.mart_business_kpi.top20_revenue_share IS 'Share of the last 12 months'' revenue from the top 20% of customers (the 80/20 claim).';
COMMENT ON COLUMN marts.mart_business_kpi.existing_customer_revenue_share IS 'Share of the last 12 months'' revenue from customers who had bought before that window.';
COMMENT ON COLUMN marts.mart_business_kpi.repeat_customer_share IS 'Share of customers with more than one order.';
COMMENT ON COLUMN marts.mart_business_kpi.called_spend_change IS 'Spend change (last 12 months over the 12 before) of customers reached by a call in the earlier window.';
COMMENT ON COLUMN marts.mart_business_kpi.not_called_spend_change IS 'The same for customers not reached by any call in the earlier window.';
