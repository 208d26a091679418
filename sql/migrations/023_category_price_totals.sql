-- Per category, the sum and count of the unit prices (> 0, in CNY) of its sales lines: what the
-- customer-value mart divides for a category's average price. marts/010 summed them over all 705k
-- rows of dw.customer_category every run (80 ms of a night that changed 8k of them); statement
-- triggers on that table now keep the totals, whatever writes it (a night's fold, a recompute, a
-- rebuild). The sums are numeric: adding and subtracting them is exact.
CREATE TABLE dw.category_price (
    category       text    PRIMARY KEY,
    price_sum_cny  numeric NOT NULL,
    priced_lines   bigint  NOT NULL
);
COMMENT ON TABLE dw.category_price IS 'Per category: sum and count of the unit prices (> 0, in CNY) of its sales lines, the totals of dw.customer_category.';

INSERT INTO dw.category_price
SELECT category, coalesce(sum(price_sum_cny), 0), sum(priced_lines) FROM dw.customer_category GROUP BY category;

CREATE FUNCTION dw.track_category_price() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    -- Transition tables exist only for the events they were declared for: the rows to add and to
    -- take away are named per event.
    added text := 'SELECT category, coalesce(price_sum_cny, 0) AS s, priced_lines AS n FROM changed_new';
    removed text := 'SELECT category, -coalesce(price_sum_cny, 0) AS s, -priced_lines AS n FROM changed_old';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM dw.category_price;
        RETURN NULL;
    END IF;
    EXECUTE format($sql$
        INSERT INTO dw.category_price AS t
        SELECT category, sum(s), sum(n) FROM (%s) d GROUP BY category
        ON CONFLICT (category) DO UPDATE
        SET price_sum_cny = t.price_sum_cny + excluded.price_sum_cny, priced_lines = t.priced_lines + excluded.priced_lines
    $sql$, CASE TG_OP WHEN 'INSERT' THEN added WHEN 'DELETE' THEN removed ELSE added || ' UNION ALL ' || removed END);
    RETURN NULL;
END $$;

CREATE TRIGGER category_price_inserted AFTER INSERT ON dw.customer_category REFERENCING NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_category_price();
CREATE TRIGGER category_price_updated AFTER UPDATE ON dw.customer_category REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_category_price();
CREATE TRIGGER category_price_deleted AFTER DELETE ON dw.customer_category REFERENCING OLD TABLE AS changed_old
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_category_price();
CREATE TRIGGER category_price_truncated AFTER TRUNCATE ON dw.customer_category
    FOR EACH STATEMENT EXECUTE FUNCTION dw.track_category_price();
