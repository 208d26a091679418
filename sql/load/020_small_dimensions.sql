-- Products, stores, agents and campaigns: small, so a plain upsert of what this run saw.
-- A product's price band comes from the median unit price seen for it.
INSERT INTO dw.dim_product (sku, model, category, price_band)
SELECT sku,
       mode() WITHIN GROUP (ORDER BY model),
       mode() WITHIN GROUP (ORDER BY category),
       CASE WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) IS NULL THEN NULL
            WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) < 1000 THEN 'entry'
            WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) < 3000 THEN 'mid'
            WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) < 8000 THEN 'upper'
            ELSE 'premium' END
FROM (SELECT sku, model, category, unit_price FROM staging.stg_sales_line WHERE sku IS NOT NULL
      UNION ALL
      SELECT sku, model, category, NULL FROM staging.stg_warranty_card WHERE sku IS NOT NULL) s
GROUP BY sku
ON CONFLICT (sku) DO UPDATE
   SET model = coalesce(dw.dim_product.model, excluded.model),
       category = coalesce(dw.dim_product.category, excluded.category),
       price_band = coalesce(excluded.price_band, dw.dim_product.price_band);

-- Sales exports name the store but not where it is: place a store where most of its buyers live.
INSERT INTO dw.dim_store (store_code, store_name, province, city, region, currency)
SELECT s.store_code,
       mode() WITHIN GROUP (ORDER BY s.store_name),
       mode() WITHIN GROUP (ORDER BY c.province),
       mode() WITHIN GROUP (ORDER BY c.city),
       NULL, NULL
FROM staging.stg_sales_line s
JOIN staging.stg_person p USING (person_key)
JOIN staging.stg_customer c USING (customer_id)
WHERE s.store_code IS NOT NULL
GROUP BY s.store_code
ON CONFLICT (store_code) DO UPDATE
   SET store_name = coalesce(excluded.store_name, dw.dim_store.store_name),
       province = coalesce(dw.dim_store.province, excluded.province),
       city = coalesce(dw.dim_store.city, excluded.city);

INSERT INTO dw.dim_store (store_code)
SELECT DISTINCT store_code FROM staging.stg_warranty_card WHERE store_code IS NOT NULL
ON CONFLICT (store_code) DO NOTHING;

UPDATE dw.dim_store s
   SET region = r.region,
       currency = CASE WHEN s.province = '台湾省' THEN 'TWD' ELSE 'CNY' END
FROM dw.province_region r
WHERE r.province = s.province AND s.region IS DISTINCT FROM r.region;
UPDATE dw.dim_store SET currency = 'CNY' WHERE currency IS NULL AND store_key <> 0;

INSERT INTO dw.dim_agent (agent_code, agent_name)
SELECT agent_code, max(agent_name) FROM staging.stg_contact_attempt GROUP BY agent_code
ON CONFLICT (agent_code) DO UPDATE SET agent_name = coalesce(excluded.agent_name, dw.dim_agent.agent_name);

INSERT INTO dw.dim_campaign (campaign_code, campaign_name)
SELECT campaign_code, max(campaign_name) FROM staging.stg_contact_attempt GROUP BY campaign_code
ON CONFLICT (campaign_code) DO UPDATE SET campaign_name = coalesce(excluded.campaign_name, dw.dim_campaign.campaign_name);
