-- Kimball dimensions. Surrogate keys *_key, durable business ids *_id, an unknown member (key 0)
-- in every dimension so facts never carry NULL keys.
-- Surrogate keys are plain integers that the load assigns as max(key) + row_number() over the
-- natural key, not serials: a sequence advances even when its transaction rolls back, so after a
-- killed run serial keys would differ from those of an uninterrupted run. Assigned this way, the
-- same deliveries give the same keys however many runs died before (one run at a time holds the lock).

CREATE TABLE dw.dim_date (
    date_key      integer PRIMARY KEY,          -- yyyymmdd; 0 = unknown
    full_date     date UNIQUE,
    year          smallint,
    quarter       smallint,
    month         smallint,
    month_name    text,
    day_of_month  smallint,
    day_of_week   smallint,                     -- ISO: 1 = Monday
    iso_week      smallint,
    is_weekend    boolean,
    fiscal_year   smallint,                     -- calendar year; change here if the fiscal year differs
    is_holiday_cn boolean,                      -- statutory public holiday in mainland China
    is_holiday_tw boolean,                      -- national holiday (day off) in Taiwan
    holiday_name  text                          -- names of the day's holidays, e.g. 春节 or 中秋节
);
INSERT INTO dw.dim_date VALUES (0, NULL, NULL, NULL, NULL, 'unknown', NULL, NULL, NULL, NULL, NULL);
INSERT INTO dw.dim_date
SELECT to_char(d, 'YYYYMMDD')::integer, d, extract(year FROM d), extract(quarter FROM d), extract(month FROM d),
       to_char(d, 'Mon'), extract(day FROM d), extract(isodow FROM d), extract(week FROM d),
       extract(isodow FROM d) >= 6, extract(year FROM d)
FROM generate_series(date '2000-01-01', date '2040-12-31', interval '1 day') AS g(d);

-- Public holidays by region. The lunar ones (春节, 端午, 中秋) need the Chinese calendar, which
-- starcard computes in Swift (HolidayCalendar) and copies in right after the migrations;
-- dw.apply_holidays() then sets the flags of dim_date. Edit rows here and call it again to adjust.
CREATE TABLE dw.holiday (
    holiday_date date NOT NULL,
    region       text NOT NULL CHECK (region IN ('CN', 'TW')),
    holiday_name text NOT NULL,
    PRIMARY KEY (holiday_date, region, holiday_name)
);
COMMENT ON TABLE dw.holiday IS 'Public holidays of mainland China (CN, statutory days; 调休 make-up swaps not modelled) and Taiwan (TW), 2000-2040.';

CREATE FUNCTION dw.apply_holidays() RETURNS void LANGUAGE sql AS $$
    UPDATE dw.dim_date d
       SET is_holiday_cn = EXISTS (SELECT 1 FROM dw.holiday h WHERE h.holiday_date = d.full_date AND h.region = 'CN'),
           is_holiday_tw = EXISTS (SELECT 1 FROM dw.holiday h WHERE h.holiday_date = d.full_date AND h.region = 'TW'),
           holiday_name = (SELECT string_agg(DISTINCT h.holiday_name, '、' ORDER BY h.holiday_name)
                           FROM dw.holiday h WHERE h.holiday_date = d.full_date)
     WHERE d.date_key <> 0;
$$;

CREATE TABLE dw.dim_customer (
    customer_key  bigint PRIMARY KEY,
    customer_id   bigint  NOT NULL,             -- durable: survives address changes and reloads
    name          text,
    name_pinyin   text,
    gender        text,
    birth_year    smallint,
    mobile        text,
    landline      text,
    member_card   text,
    province      text,
    city          text,
    address       text,
    geography_key integer NOT NULL DEFAULT 0,   -- dim_geography of this version's province and city
    valid_from    date    NOT NULL,
    valid_to      date    NOT NULL DEFAULT date '9999-12-31',
    is_current    boolean NOT NULL DEFAULT true,
    loaded_run_id bigint
);
INSERT INTO dw.dim_customer (customer_key, customer_id, name, valid_from) VALUES (0, 0, 'unknown', date '1900-01-01');
CREATE UNIQUE INDEX dim_customer_current ON dw.dim_customer (customer_id) WHERE is_current;
CREATE INDEX dim_customer_id ON dw.dim_customer (customer_id, valid_from);
CREATE INDEX dim_customer_mobile ON dw.dim_customer (mobile) WHERE is_current;
COMMENT ON TABLE dw.dim_customer IS 'Customers, SCD type 2 on province, city, address, mobile and member card; other attributes overwritten (type 1).';
COMMENT ON COLUMN dw.dim_customer.customer_id IS 'Durable customer id assigned by dedupe; the same person keeps it across runs.';

-- Identity keys (mobile+name, member card, name+address, landline+name) that dedupe uses to
-- recognise a returning customer; the durable part of record linkage.
CREATE TABLE dw.customer_identity (
    identity_key  text PRIMARY KEY,
    customer_id   bigint NOT NULL,
    first_run_id  bigint
);
CREATE INDEX customer_identity_customer ON dw.customer_identity (customer_id);

CREATE TABLE dw.customer_merge (
    from_customer_id bigint NOT NULL,
    to_customer_id   bigint NOT NULL,
    run_id           bigint NOT NULL,
    PRIMARY KEY (from_customer_id)
);

CREATE TABLE dw.dim_product (
    product_key  integer PRIMARY KEY,
    sku          text UNIQUE,
    model        text,
    category     text,
    price_band   text
);
INSERT INTO dw.dim_product (product_key, sku, model, category, price_band) VALUES (0, NULL, 'unknown', NULL, NULL);

CREATE TABLE dw.dim_store (
    store_key   integer PRIMARY KEY,
    store_code  text UNIQUE,
    store_name  text,
    province    text,
    city        text,
    region      text,
    geography_key integer NOT NULL DEFAULT 0,
    currency    text
);
INSERT INTO dw.dim_store (store_key, store_code, store_name) VALUES (0, NULL, 'unknown');

CREATE TABLE dw.dim_agent (
    agent_key   integer PRIMARY KEY,
    agent_code  text UNIQUE,
    agent_name  text
);
INSERT INTO dw.dim_agent (agent_key, agent_code, agent_name) VALUES (0, NULL, 'unknown');

CREATE TABLE dw.dim_campaign (
    campaign_key  integer PRIMARY KEY,
    campaign_code text UNIQUE,
    campaign_name text
);
INSERT INTO dw.dim_campaign (campaign_key, campaign_code, campaign_name) VALUES (0, NULL, 'unknown');

-- Regions for provinces, so stores and customers roll up to the seven traditional regions.
CREATE TABLE dw.province_region (
    province text PRIMARY KEY,
    region   text NOT NULL
);
INSERT INTO dw.province_region VALUES
 ('北京市','华北'),('天津市','华北'),('河北省','华北'),('山西省','华北'),('内蒙古自治区','华北'),
 ('辽宁省','东北'),('吉林省','东北'),('黑龙江省','东北'),
 ('上海市','华东'),('江苏省','华东'),('浙江省','华东'),('安徽省','华东'),('福建省','华东'),('江西省','华东'),('山东省','华东'),
 ('河南省','华中'),('湖北省','华中'),('湖南省','华中'),
 ('广东省','华南'),('广西壮族自治区','华南'),('海南省','华南'),
 ('重庆市','西南'),('四川省','西南'),('贵州省','西南'),('云南省','西南'),('西藏自治区','西南'),
 ('陕西省','西北'),('甘肃省','西北'),('青海省','西北'),('宁夏回族自治区','西北'),('新疆维吾尔自治区','西北'),
 ('台湾省','港澳台'),('香港特别行政区','港澳台'),('澳门特别行政区','港澳台');

-- Geography: one member per (province, city) seen on a customer version or a store, with its
-- region, so analysts roll customers and stores up by region, province or city through one key.
-- Member 0 (no province, no city) is the unknown member.
CREATE TABLE dw.dim_geography (
    geography_key integer PRIMARY KEY,
    province      text,
    city          text,
    region        text,
    UNIQUE NULLS NOT DISTINCT (province, city)
);
INSERT INTO dw.dim_geography VALUES (0, NULL, NULL, NULL);
COMMENT ON TABLE dw.dim_geography IS 'Province and city with region (华北, 华东, … 港澳台); key 0 = unknown.';

-- Adds the (province, city) pairs not yet known, keys assigned like every dimension's. Takes the
-- pairs as two arrays so the load scripts call it once per statement, set-based.
CREATE FUNCTION dw.add_geographies(provinces text[], cities text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO dw.dim_geography (geography_key, province, city, region)
    SELECT (SELECT max(geography_key) FROM dw.dim_geography) + row_number() OVER (ORDER BY g.province, g.city),
           g.province, g.city, r.region
    FROM (SELECT DISTINCT province, city FROM unnest(provinces, cities) AS u (province, city)) g
    LEFT JOIN dw.province_region r ON r.province = g.province
    WHERE NOT EXISTS (SELECT 1 FROM dw.dim_geography d
                      WHERE d.province IS NOT DISTINCT FROM g.province AND d.city IS NOT DISTINCT FROM g.city);
$$;
