-- Staging: what the run's COPY streams fill. UNLOGGED (they are rebuilt every run and never the
-- only copy of anything) and truncated at the start of each run inside the run's transaction.

-- Which customer each person key of this run belongs to (from dedupe).
CREATE UNLOGGED TABLE staging.stg_person (
    person_key   text NOT NULL,
    customer_id  bigint NOT NULL
);

-- What this run says about each customer it saw: per attribute the newest value, computed in
-- Swift from the person sightings; the SCD2 merge compares it with dim_customer.
CREATE UNLOGGED TABLE staging.stg_customer (
    customer_id  bigint NOT NULL,
    name         text, name_pinyin text, gender text, birth_year smallint,
    mobile       text, landline text, member_card text,
    province     text, city text, address text,
    first_seen   date NOT NULL,
    last_seen    date NOT NULL
);

CREATE UNLOGGED TABLE staging.stg_sales_line (
    source_file  text NOT NULL, source_line integer NOT NULL,
    person_key   text NOT NULL,
    order_id     text NOT NULL, line_no integer NOT NULL, order_date date NOT NULL,
    store_code   text, store_name text, channel text,
    sku          text, model text, category text,
    quantity     integer NOT NULL, unit_price numeric(14,2), amount numeric(14,2) NOT NULL
);

CREATE UNLOGGED TABLE staging.stg_warranty_card (
    source_file  text NOT NULL, source_line integer NOT NULL,
    person_key   text NOT NULL,
    card_id      text NOT NULL, registered_on date NOT NULL, purchase_date date,
    sku          text, model text, category text, serial_no text, store_code text
);

CREATE UNLOGGED TABLE staging.stg_contact_attempt (
    source_file  text NOT NULL, source_line integer NOT NULL,
    person_key   text NOT NULL,
    attempt_id   text NOT NULL, campaign_code text NOT NULL, campaign_name text,
    agent_code   text NOT NULL, agent_name text,
    called_at    timestamp NOT NULL, outcome text NOT NULL, sale_amount numeric(14,2)
);

CREATE UNLOGGED TABLE staging.stg_identity (
    identity_key text PRIMARY KEY,
    customer_id  bigint NOT NULL
);

CREATE UNLOGGED TABLE staging.stg_merge (
    from_customer_id bigint PRIMARY KEY,
    to_customer_id   bigint NOT NULL
);
