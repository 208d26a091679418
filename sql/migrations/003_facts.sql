-- Facts. The two large ones are partitioned by month (order date, call time): old months can be
-- detached or archived whole and date-filtered queries read only their months. The load creates
-- the months it needs with etl.ensure_month_partitions; rows of any other month land in the
-- default partition.
-- The durable customer_id leads every fact's primary key so the facts can later be
-- distributed by customer (the Citus model) while dimensions are replicated. Each fact row keeps
-- the run, file and physical line it came from: the ledger reconciles against these.
-- Dimension keys are not declared as foreign keys: PostgreSQL checks those with a trigger per row,
-- which was the largest single cost of a load. The load resolves every key itself (unknown member
-- 0 when a lookup fails), and the integration tests check that no fact points at a missing row.

CREATE TABLE dw.fct_sales_line (
    customer_id   bigint  NOT NULL,
    order_id      text    NOT NULL,
    line_no       integer NOT NULL,
    customer_key  bigint  NOT NULL,
    date_key      integer NOT NULL,
    order_date    date    NOT NULL,
    product_key   integer NOT NULL,
    store_key     integer NOT NULL,
    channel       text,
    category      text,
    quantity      integer NOT NULL,
    unit_price    numeric(14,2),
    amount        numeric(14,2) NOT NULL,
    currency      text    NOT NULL,
    run_id        bigint  NOT NULL,
    source_file   text    NOT NULL,
    source_line   integer NOT NULL,
    PRIMARY KEY (customer_id, order_id, line_no, order_date)
) PARTITION BY RANGE (order_date);
CREATE TABLE dw.fct_sales_line_default PARTITION OF dw.fct_sales_line DEFAULT;
-- Not unique: a unique index on a partitioned table must contain the partition key. The load's
-- anti-join keeps the natural key unique (an order line's date may be corrected by a new file).
CREATE INDEX fct_sales_line_natural ON dw.fct_sales_line (order_id, line_no);
CREATE INDEX fct_sales_line_date ON dw.fct_sales_line (order_date);
COMMENT ON TABLE dw.fct_sales_line IS 'One row per order line. Amounts in the currency column (CNY, or TWD for Taiwan stores).';

CREATE TABLE dw.fct_warranty_registration (
    customer_id        bigint  NOT NULL,
    card_id            text    NOT NULL,
    customer_key       bigint  NOT NULL,
    registered_date_key integer NOT NULL,
    registered_on      date    NOT NULL,
    purchase_date_key  integer NOT NULL,
    purchase_date      date,
    product_key        integer NOT NULL,
    store_key          integer NOT NULL,
    category           text,
    serial_no          text,
    run_id             bigint  NOT NULL,
    source_file        text    NOT NULL,
    source_line        integer NOT NULL,
    PRIMARY KEY (customer_id, card_id)
);
CREATE UNIQUE INDEX fct_warranty_natural ON dw.fct_warranty_registration (card_id);
COMMENT ON TABLE dw.fct_warranty_registration IS 'One row per returned warranty card (保修回函).';

CREATE TABLE dw.fct_contact_attempt (
    customer_id    bigint  NOT NULL,
    attempt_id     text    NOT NULL,
    customer_key   bigint  NOT NULL,
    date_key       integer NOT NULL,
    called_at      timestamp NOT NULL,
    call_hour      smallint  NOT NULL,
    campaign_key   integer NOT NULL,
    agent_key      integer NOT NULL,
    outcome        text    NOT NULL CHECK (outcome IN ('unreachable','wrong_party','reached','presented','sold','lapsed')),
    -- Funnel flags as 0/1 numbers (BI tools cannot sum booleans).
    is_connected   smallint NOT NULL,
    is_right_party smallint NOT NULL,
    is_presented   smallint NOT NULL,
    is_sale        smallint NOT NULL,
    is_lapsed      smallint NOT NULL,
    sale_amount    numeric(14,2),
    run_id         bigint  NOT NULL,
    source_file    text    NOT NULL,
    source_line    integer NOT NULL,
    PRIMARY KEY (customer_id, attempt_id, called_at)
) PARTITION BY RANGE (called_at);
CREATE TABLE dw.fct_contact_attempt_default PARTITION OF dw.fct_contact_attempt DEFAULT;
CREATE INDEX fct_contact_natural ON dw.fct_contact_attempt (attempt_id);
CREATE INDEX fct_contact_campaign ON dw.fct_contact_attempt (campaign_key, agent_key);
COMMENT ON TABLE dw.fct_contact_attempt IS 'One row per dial attempt of a call-centre campaign.';

-- The corrected-file rule: a file whose name was loaded before with other content replaces what
-- that earlier version loaded. The pipeline calls this inside the run's transaction, before the
-- new version's rows are merged, so corrected values appear and rows dropped from the file vanish.
CREATE FUNCTION dw.forget_file_facts(kind text, file text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    removed bigint;
BEGIN
    CASE kind
        WHEN 'sales' THEN DELETE FROM dw.fct_sales_line WHERE source_file = file;
        WHEN 'warranty' THEN DELETE FROM dw.fct_warranty_registration WHERE source_file = file;
        WHEN 'contact' THEN DELETE FROM dw.fct_contact_attempt WHERE source_file = file;
        ELSE RAISE EXCEPTION 'no fact table for source kind %', kind;
    END CASE;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END $$;

-- Creates the missing monthly partitions of a fact partitioned by a date or timestamp column,
-- one per month from `from_month` to `to_month` (inclusive), named <table>_yYYYYmMM. Rows of
-- those months already in the default partition are moved into the new one first (attaching
-- would fail otherwise). Inside the run's transaction, so a failed run leaves no partition behind.
CREATE FUNCTION etl.ensure_month_partitions(tbl regclass, from_month date, to_month date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    m date;
    created integer := 0;
    part text;
    parent text := tbl::text;
    key_column text;
    default_part text;
BEGIN
    IF from_month IS NULL OR to_month IS NULL THEN RETURN 0; END IF;
    SELECT a.attname INTO key_column
    FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
    WHERE p.partrelid = tbl;
    SELECT c.oid::regclass::text INTO default_part
    FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partdefid WHERE p.partrelid = tbl;
    FOR m IN SELECT generate_series(date_trunc('month', from_month), date_trunc('month', to_month), interval '1 month')::date LOOP
        part := parent || '_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM');
        CONTINUE WHEN to_regclass(part) IS NOT NULL;
        IF default_part IS NOT NULL THEN
            EXECUTE format('CREATE TEMP TABLE moved_rows ON COMMIT DROP AS WITH d AS (DELETE FROM %s WHERE %I >= %L AND %I < %L RETURNING *) SELECT * FROM d',
                           default_part, key_column, m, key_column, (m + interval '1 month')::date);
        END IF;
        EXECUTE format('CREATE TABLE %s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', part, parent, m, (m + interval '1 month')::date);
        IF default_part IS NOT NULL THEN
            EXECUTE format('INSERT INTO %s SELECT * FROM moved_rows', part);
            DROP TABLE moved_rows;
        END IF;
        created := created + 1;
    END LOOP;
    RETURN created;
END $$;
