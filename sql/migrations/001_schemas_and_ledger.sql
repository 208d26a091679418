-- The four schemas and the run ledger. Every run is a row in etl.run; every file a run saw is a
-- row in etl.run_file whose counts must reconcile: rows_read = rows_loaded + rows_rejected + rows_merged.
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS dw;
CREATE SCHEMA IF NOT EXISTS marts;
CREATE SCHEMA IF NOT EXISTS etl;

CREATE TABLE etl.run (
    run_id        bigserial PRIMARY KEY,
    pipeline      text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    status        text        NOT NULL DEFAULT 'running'
                  CHECK (status IN ('running', 'succeeded', 'failed', 'abandoned')),
    files_seen    integer     NOT NULL DEFAULT 0,
    files_loaded  integer     NOT NULL DEFAULT 0,
    files_skipped integer     NOT NULL DEFAULT 0,
    files_failed  integer     NOT NULL DEFAULT 0,
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_loaded   bigint      NOT NULL DEFAULT 0,
    rows_rejected bigint      NOT NULL DEFAULT 0,
    rows_merged   bigint      NOT NULL DEFAULT 0,
    as_of_date    date,
    message       text,
    starcard_version text
);
COMMENT ON TABLE etl.run IS 'One row per pipeline run: when, outcome, and row totals over all its files.';

CREATE TABLE etl.run_file (
    run_id        bigint  NOT NULL REFERENCES etl.run (run_id),
    source        text    NOT NULL,
    file_name     text    NOT NULL,
    kind          text    NOT NULL,
    fingerprint   text,
    encoding      text,
    bytes         bigint  NOT NULL DEFAULT 0,
    status        text    NOT NULL CHECK (status IN ('loaded', 'skipped', 'failed')),
    rows_read     bigint  NOT NULL DEFAULT 0,
    rows_loaded   bigint  NOT NULL DEFAULT 0,
    rows_rejected bigint  NOT NULL DEFAULT 0,
    rows_merged   bigint  NOT NULL DEFAULT 0,
    field_issues  bigint  NOT NULL DEFAULT 0,
    message       text,
    PRIMARY KEY (run_id, file_name),
    CONSTRAINT run_file_reconciles CHECK (rows_read = rows_loaded + rows_rejected + rows_merged)
);
COMMENT ON TABLE etl.run_file IS 'Per file and run: rows read = loaded + rejected + merged (enforced by a CHECK).';

-- A delivery is identified by the fingerprint of its decoded content, so x.csv and x.csv.gz with
-- the same rows are one delivery, and a corrected file under the same name is a new one.
CREATE TABLE etl.loaded_file (
    fingerprint text PRIMARY KEY,
    file_name   text   NOT NULL,
    source      text   NOT NULL,
    run_id      bigint NOT NULL REFERENCES etl.run (run_id),
    loaded_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE etl.reject (
    run_id      bigint  NOT NULL REFERENCES etl.run (run_id),
    file_name   text    NOT NULL,
    line        integer NOT NULL,
    field       text,
    reason_code text    NOT NULL,
    message     text    NOT NULL,
    raw         text    NOT NULL
);
CREATE INDEX reject_run_file ON etl.reject (run_id, file_name, line);
COMMENT ON TABLE etl.reject IS 'Quarantined rows: file, physical line, field, stable reason code, message and the raw text.';

CREATE TABLE etl.field_issue (
    run_id    bigint  NOT NULL REFERENCES etl.run (run_id),
    file_name text    NOT NULL,
    line      integer NOT NULL,
    field     text    NOT NULL,
    code      text    NOT NULL,
    value     text    NOT NULL
);
CREATE INDEX field_issue_run_file ON etl.field_issue (run_id, file_name, line);
COMMENT ON TABLE etl.field_issue IS 'Field values set to NULL because they were unusable (masked phone, unknown category…); the row loaded.';

-- The run id and the scoring date travel as transaction-local settings (set_config(..., true)),
-- bound as parameters by the pipeline, so the SQL files can be plain multi-statement scripts.
CREATE FUNCTION etl.current_run_id() RETURNS bigint LANGUAGE sql STABLE
    AS $$ SELECT current_setting('starcard.run_id')::bigint $$;
CREATE FUNCTION etl.as_of_date() RETURNS date LANGUAGE sql STABLE
    AS $$ SELECT current_setting('starcard.as_of')::date $$;
