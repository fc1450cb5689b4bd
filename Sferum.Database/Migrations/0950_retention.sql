-- Retention (152-FZ: data is kept no longer than its purpose needs; issue 12). Each school sets how long its chat
-- history and its files are kept; a nightly job applies it and leaves a report. NULL years mean "kept while the
-- school uses Sferum". The audit log's period and the exports' lifetime are the platform's (configuration).
CREATE TABLE school_retention (
    school_id      uuid        PRIMARY KEY,
    chat_years     smallint    CHECK (chat_years BETWEEN 1 AND 50),
    file_years     smallint    CHECK (file_years BETWEEN 1 AND 50),
    keep_pinned    boolean     NOT NULL DEFAULT true,
    keep_materials boolean     NOT NULL DEFAULT true,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     uuid
);

-- One row per application: a school's (school_id set) or the platform's part (audit log, exports, unreferenced files).
CREATE TABLE retention_runs (
    run_id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    school_id          uuid,
    ran_at             timestamptz NOT NULL DEFAULT now(),
    trigger            text        NOT NULL, -- nightly | admin
    messages_removed   integer     NOT NULL DEFAULT 0,
    events_removed     integer     NOT NULL DEFAULT 0,
    files_detached     integer     NOT NULL DEFAULT 0,
    materials_removed  integer     NOT NULL DEFAULT 0,
    audit_removed      bigint      NOT NULL DEFAULT 0,
    exports_removed    integer     NOT NULL DEFAULT 0,
    stored_files_removed integer   NOT NULL DEFAULT 0,
    sessions_removed   integer     NOT NULL DEFAULT 0
);

CREATE INDEX retention_runs_school ON retention_runs (school_id, ran_at DESC);
-- No index on chat_messages.at: the nightly job reads a school's chats by their primary key, and an index on the
-- message log's hot insert path would cost every message for a once-a-night query.
