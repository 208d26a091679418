-- Products, stores, agents and campaigns: small, so what this run saw is gathered per natural key,
-- known members are corrected in place and new ones appended with keys max(key) + row_number()
-- in natural-key order (deterministic, see 002_dimensions.sql).
-- A product's price band comes from the median unit price seen for it. One hash aggregation
-- counts each (sku, model, category, price) first; the modes and the median then read those few
-- thousand counts instead of sorting every staged line per aggregate. The results are those of
-- mode() (most frequent non-null value, the smallest on a tie) and percentile_cont(0.5)
-- (computed in float8 the same way: lower + (upper − lower) × 0.5).
CREATE TEMP TABLE product_seen ON COMMIT DROP AS
SELECT sku, model, category, unit_price, count(*) AS n
FROM (SELECT sku, model, category, unit_price FROM staging.stg_sales_line WHERE sku IS NOT NULL
      UNION ALL
      SELECT sku, model, category, NULL FROM staging.stg_warranty_card WHERE sku IS NOT NULL) s
GROUP BY sku, model, category, unit_price;

-- Sales exports name the store but not where it is: place a store where most of its buyers live.
-- Warranty cards name stores too, without anything to place them by. Counted once per distinct
-- (store, name, province, city), like the products above.
CREATE TEMP TABLE store_seen ON COMMIT DROP AS
SELECT s.store_code, s.store_name, c.province, c.city, count(*) AS n
FROM staging.stg_sales_line s
JOIN staging.stg_person p USING (person_key)
JOIN staging.stg_customer c USING (customer_id)
WHERE s.store_code IS NOT NULL
GROUP BY s.store_code, s.store_name, c.province, c.city;

-- The most frequent non-null value of each product and store attribute, the smallest on a tie
-- (what mode() picks), from the counts above: one rule for all five attributes.
CREATE TEMP TABLE attribute_mode ON COMMIT DROP AS
SELECT DISTINCT ON (dimension, code, attribute) dimension, code, attribute, value
FROM (SELECT 'product' AS dimension, s.sku AS code, a.attribute, a.value, s.n
      FROM product_seen s, LATERAL (VALUES ('model', s.model), ('category', s.category)) a(attribute, value)
      UNION ALL
      SELECT 'store', s.store_code, a.attribute, a.value, s.n
      FROM store_seen s,
           LATERAL (VALUES ('store_name', s.store_name), ('province', s.province), ('city', s.city)) a(attribute, value)) v
WHERE value IS NOT NULL
GROUP BY dimension, code, attribute, value
ORDER BY dimension, code, attribute, sum(n) DESC, value;

CREATE TEMP TABLE incoming_product ON COMMIT DROP AS
WITH prices AS (
    -- Each price with the (0-based) positions its lines take in the sku's sorted prices.
    SELECT sku, unit_price, sum(sum(n)) OVER w - sum(n) AS first_pos, sum(sum(n)) OVER w - 1 AS last_pos,
           sum(sum(n)) OVER (PARTITION BY sku) AS lines
    FROM product_seen WHERE unit_price IS NOT NULL
    GROUP BY sku, unit_price
    WINDOW w AS (PARTITION BY sku ORDER BY unit_price)
), medians AS (
    SELECT lo.sku,
           CASE WHEN lo.unit_price = hi.unit_price THEN lo.unit_price::float8
                ELSE lo.unit_price::float8 + (hi.unit_price::float8 - lo.unit_price::float8) * 0.5 END AS median
    FROM prices lo JOIN prices hi ON hi.sku = lo.sku
    WHERE floor((lo.lines - 1) / 2.0) BETWEEN lo.first_pos AND lo.last_pos
      AND ceil((hi.lines - 1) / 2.0) BETWEEN hi.first_pos AND hi.last_pos
)
SELECT k.sku, m.model, m.category,
       CASE WHEN md.median IS NULL THEN NULL
            WHEN md.median < 1000 THEN 'entry'
            WHEN md.median < 3000 THEN 'mid'
            WHEN md.median < 8000 THEN 'upper'
            ELSE 'premium' END AS price_band
FROM (SELECT DISTINCT sku FROM product_seen) k
LEFT JOIN (SELECT code AS sku, max(value) FILTER (WHERE attribute = 'model') AS model,
                  max(value) FILTER (WHERE attribute = 'category') AS category
           FROM attribute_mode WHERE dimension = 'product' GROUP BY code) m USING (sku)
LEFT JOIN medians md USING (sku);

UPDATE dw.dim_product d
   SET model = coalesce(d.model, i.model), category = coalesce(d.category, i.category),
       price_band = coalesce(i.price_band, d.price_band)
FROM incoming_product i
WHERE d.sku = i.sku
  AND (d.model, d.category, d.price_band)
      IS DISTINCT FROM (coalesce(d.model, i.model), coalesce(d.category, i.category), coalesce(i.price_band, d.price_band));

INSERT INTO dw.dim_product (product_key, sku, model, category, price_band)
SELECT (SELECT max(product_key) FROM dw.dim_product) + row_number() OVER (ORDER BY i.sku),
       i.sku, i.model, i.category, i.price_band
FROM incoming_product i
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_product d WHERE d.sku = i.sku);

CREATE TEMP TABLE incoming_store ON COMMIT DROP AS
SELECT k.store_code, m.store_name, m.province, m.city
FROM (SELECT DISTINCT store_code FROM store_seen) k
LEFT JOIN (SELECT code AS store_code, max(value) FILTER (WHERE attribute = 'store_name') AS store_name,
                  max(value) FILTER (WHERE attribute = 'province') AS province,
                  max(value) FILTER (WHERE attribute = 'city') AS city
           FROM attribute_mode WHERE dimension = 'store' GROUP BY code) m USING (store_code);
INSERT INTO incoming_store (store_code)
SELECT DISTINCT w.store_code FROM staging.stg_warranty_card w
WHERE w.store_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM incoming_store i WHERE i.store_code = w.store_code);

UPDATE dw.dim_store d
   SET store_name = coalesce(i.store_name, d.store_name), province = coalesce(d.province, i.province),
       city = coalesce(d.city, i.city)
FROM incoming_store i
WHERE d.store_code = i.store_code
  AND (d.store_name, d.province, d.city)
      IS DISTINCT FROM (coalesce(i.store_name, d.store_name), coalesce(d.province, i.province), coalesce(d.city, i.city));

INSERT INTO dw.dim_store (store_key, store_code, store_name, province, city)
SELECT (SELECT max(store_key) FROM dw.dim_store) + row_number() OVER (ORDER BY i.store_code),
       i.store_code, i.store_name, i.province, i.city
FROM incoming_store i
WHERE NOT EXISTS (SELECT 1 FROM dw.dim_store d WHERE d.store_code = i.store_code);

UPDATE dw.dim_store s
   SET region = r.region,
       currency = CASE WHEN s.province = '台湾省' THEN 'TWD' ELSE 'CNY' END
FROM dw.province_region r
WHERE r.province = s.province AND s.region IS DISTINCT FROM r.region;
UPDATE dw.dim_store SET currency = 'CNY' WHERE currency IS NULL AND store_key <> 0;

SELECT dw.add_geographies(array_agg(province), array_agg(city))
FROM (SELECT DISTINCT province, city FROM dw.dim_store WHERE store_key <> 0) s;
UPDATE dw.dim_store s SET geography_key = g.geography_key
FROM dw.dim_geography g
WHERE coalesce(g.province, '') = coalesce(s.province, '') AND coalesce(g.city, '') = coalesce(s.city, '')
  AND s.geography_key <> g.geography_key;

CREATE TEMP TABLE incoming_agent ON COMMIT DROP AS
SELECT agent_code, max(agent_name) AS agent_name FROM staging.stg_contact_attempt GROUP BY agent_code;
UPDATE dw.dim_agent d SET agent_name = i.agent_name
FROM incoming_agent i WHERE d.agent_code = i.agent_code AND i.agent_name IS NOT NULL AND d.agent_name IS DISTINCT FROM i.agent_name;
INSERT INTO dw.dim_agent (agent_key, agent_code, agent_name)
SELECT (SELECT max(agent_key) FROM dw.dim_agent) + row_number() OVER (ORDER BY i.agent_code), i.agent_code, i.agent_name
FROM incoming_agent i WHERE NOT EXISTS (SELECT 1 FROM dw.dim_agent d WHERE d.agent_code = i.agent_code);

CREATE TEMP TABLE incoming_campaign ON COMMIT DROP AS
SELECT campaign_code, max(campaign_name) AS campaign_name FROM staging.stg_contact_attempt GROUP BY campaign_code;
UPDATE dw.dim_campaign d SET campaign_name = i.campaign_name
FROM incoming_campaign i WHERE d.campaign_code = i.campaign_code AND i.campaign_name IS NOT NULL AND d.campaign_name IS DISTINCT FROM i.campaign_name;
INSERT INTO dw.dim_campaign (campaign_key, campaign_code, campaign_name)
SELECT (SELECT max(campaign_key) FROM dw.dim_campaign) + row_number() OVER (ORDER BY i.campaign_code), i.campaign_code, i.campaign_name
FROM incoming_campaign i WHERE NOT EXISTS (SELECT 1 FROM dw.dim_campaign d WHERE d.campaign_code = i.campaign_code);
