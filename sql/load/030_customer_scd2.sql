-- dim_customer as SCD type 2. staging.stg_customer holds, for every customer seen this run, each
-- attribute's newest non-null value (by the date of the record that carried it); missing ones
-- fall back to what the current row already holds. A change of a tracked attribute (province, city, address, mobile, member card)
-- closes the current row and opens a new one from the date the change was first seen; the other
-- attributes are corrected in place (type 1). Valid ranges are [valid_from, valid_to).
CREATE TEMP TABLE customer_change ON COMMIT DROP AS
SELECT i.customer_id,
       d.customer_key AS old_key,
       d.valid_from   AS old_valid_from,
       coalesce(i.name, d.name) AS name, coalesce(i.name_pinyin, d.name_pinyin) AS name_pinyin,
       coalesce(i.gender, d.gender) AS gender, coalesce(i.birth_year, d.birth_year) AS birth_year,
       coalesce(i.landline, d.landline) AS landline,
       -- A record older than the current version cannot change it: history does not overwrite news.
       CASE WHEN d.customer_key IS NULL OR i.last_seen > d.valid_from THEN coalesce(i.mobile, d.mobile) ELSE d.mobile END AS mobile,
       CASE WHEN d.customer_key IS NULL OR i.last_seen > d.valid_from THEN coalesce(i.member_card, d.member_card) ELSE d.member_card END AS member_card,
       CASE WHEN d.customer_key IS NULL OR i.last_seen > d.valid_from THEN coalesce(i.province, d.province) ELSE d.province END AS province,
       CASE WHEN d.customer_key IS NULL OR i.last_seen > d.valid_from THEN coalesce(i.city, d.city) ELSE d.city END AS city,
       CASE WHEN d.customer_key IS NULL OR i.last_seen > d.valid_from THEN coalesce(i.address, d.address) ELSE d.address END AS address,
       i.first_seen, i.last_seen,
       d.province AS old_province, d.city AS old_city, d.address AS old_address, d.mobile AS old_mobile,
       d.member_card AS old_member_card,
       d.name AS old_name, d.name_pinyin AS old_name_pinyin, d.gender AS old_gender, d.birth_year AS old_birth_year,
       d.landline AS old_landline
FROM staging.stg_customer i
-- The run's customers looked up by key (= ANY (ARRAY(...))): a night's ~18k go down the index
-- instead of a hash of every current version (0.2-0.3 s).
LEFT JOIN (SELECT * FROM dw.dim_customer
           WHERE is_current AND customer_id = ANY (ARRAY(SELECT customer_id FROM staging.stg_customer))) d
       ON d.customer_id = i.customer_id;
-- Without statistics the planner guesses a third of the rows and sorts them all for a merge join.
ANALYZE customer_change;

-- A first run (only the unknown member so far) builds the indexes once after its inserts.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM dw.dim_customer WHERE customer_key <> 0) THEN
        PERFORM etl.suspend_indexes('dw.dim_customer');
    END IF;
END $$;

-- Close the versions whose tracked attributes changed.
-- Both updates name the versions they touch by key as well, for the same reason, and only those
-- that change: a night's ~17k keys were all probed twice for ~4.5k closes and ~1.5k corrections.
UPDATE dw.dim_customer d
   SET is_current = false, valid_to = c.last_seen
FROM customer_change c
WHERE d.customer_key = c.old_key
  AND d.customer_key = ANY (ARRAY(
          SELECT old_key FROM customer_change
          WHERE old_key IS NOT NULL
            AND (province, city, address, mobile, member_card)
                IS DISTINCT FROM (old_province, old_city, old_address, old_mobile, old_member_card)))
  AND (c.province, c.city, c.address, c.mobile, c.member_card)
      IS DISTINCT FROM (c.old_province, c.old_city, c.old_address, c.old_mobile, c.old_member_card);

-- Open a version for new customers and for those just closed (keys as in 020_small_dimensions.sql),
-- placed in its geography (coalesce: IS NOT DISTINCT FROM cannot be hash-joined).
SELECT dw.add_geographies(array_agg(province), array_agg(city))
FROM (SELECT DISTINCT province, city FROM customer_change) c;

INSERT INTO dw.dim_customer (customer_key, customer_id, name, name_pinyin, gender, birth_year, mobile, landline, member_card,
                             province, city, address, geography_key, valid_from, loaded_run_id)
SELECT (SELECT max(customer_key) FROM dw.dim_customer) + row_number() OVER (ORDER BY c.customer_id),
       c.customer_id, c.name, c.name_pinyin, c.gender, c.birth_year, c.mobile, c.landline, c.member_card,
       c.province, c.city, c.address, coalesce(g.geography_key, 0),
       CASE WHEN c.old_key IS NULL THEN coalesce(c.first_seen, etl.as_of_date()) ELSE c.last_seen END,
       etl.current_run_id()
FROM customer_change c
LEFT JOIN dw.dim_geography g ON coalesce(g.province, '') = coalesce(c.province, '') AND coalesce(g.city, '') = coalesce(c.city, '')
WHERE c.old_key IS NULL
   OR (c.province, c.city, c.address, c.mobile, c.member_card)
      IS DISTINCT FROM (c.old_province, c.old_city, c.old_address, c.old_mobile, c.old_member_card);

-- Type 1 corrections on versions that stayed current.
UPDATE dw.dim_customer d
   SET name = c.name, name_pinyin = c.name_pinyin, gender = c.gender, birth_year = c.birth_year, landline = c.landline
FROM customer_change c
WHERE d.customer_key = c.old_key AND d.is_current
  -- The version as read above: a close changed none of these.
  AND d.customer_key = ANY (ARRAY(
          SELECT old_key FROM customer_change
          WHERE old_key IS NOT NULL
            AND (name, name_pinyin, gender, birth_year, landline)
                IS DISTINCT FROM (old_name, old_name_pinyin, old_gender, old_birth_year, old_landline)))
  AND (d.name, d.name_pinyin, d.gender, d.birth_year, d.landline)
      IS DISTINCT FROM (c.name, c.name_pinyin, c.gender, c.birth_year, c.landline);

SELECT etl.restore_indexes('dw.dim_customer');
