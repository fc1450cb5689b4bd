-- Self-service exports of a person's data (152-FZ, the right to know; issue 12). One row per requested export: who
-- asked, whom it is about (the person themselves, or a parent's child: a roster entry, with the child's account when
-- there is one), how far the background job got, and the archive's lifetime: it is downloadable once, by the one who
-- asked, and deleted after the download or when it expires (a day by default), whichever comes first.
CREATE TABLE data_exports (
    export_id         uuid        PRIMARY KEY,
    requester_id      uuid        NOT NULL,
    subject_user_id   uuid,
    subject_school_id uuid,
    subject_journal_id text,
    status            smallint    NOT NULL DEFAULT 0, -- see DataExportStatus: 0 queued, 1 running, 2 ready, 3 downloaded, 4 expired, 5 failed
    percent           smallint    NOT NULL DEFAULT 0,
    size              bigint,
    error             text,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    ready_at          timestamptz,
    downloaded_at     timestamptz,
    expires_at        timestamptz NOT NULL,
    CHECK (subject_user_id IS NOT NULL OR (subject_school_id IS NOT NULL AND subject_journal_id IS NOT NULL))
);

CREATE INDEX data_exports_requester ON data_exports (requester_id, requested_at DESC);
CREATE INDEX data_exports_live ON data_exports (expires_at) WHERE status IN (0, 1, 2);

-- The export reads every message a person wrote through chat_messages_author (0935, made for erasure).
