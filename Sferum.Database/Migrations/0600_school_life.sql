-- Moderation. A report keeps a copy of what was reported (author, text) so that the teachers and admins who review it
-- see the same thing the reporter saw, even after an edit. Hiding a message works like deleting it (its text leaves the
-- message and the log) and marks it as hidden by a moderator.
ALTER TABLE chat_messages ADD COLUMN hidden_at timestamptz;

CREATE TABLE message_reports (
    report_id    uuid        PRIMARY KEY,
    school_id    uuid        NOT NULL,
    chat_id      uuid        NOT NULL,
    chat_title   text        NOT NULL,
    seq          bigint      NOT NULL,
    reporter_id  uuid        NOT NULL,
    reporter_name text       NOT NULL,
    reason       smallint    NOT NULL, -- see ReportReason
    comment      text,
    author_id    uuid        NOT NULL,
    author_name  text        NOT NULL,
    message_text text,
    reported_at  timestamptz NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    resolved_by  uuid,
    resolution   text                  -- hidden, muted, removed, dismissed
);

-- One report per person per message: a second tap changes nothing.
CREATE UNIQUE INDEX message_reports_once ON message_reports (chat_id, seq, reporter_id);
CREATE INDEX message_reports_school ON message_reports (school_id, reported_at DESC);

-- A member muted by a moderator reads but does not write until the time given.
CREATE TABLE chat_mutes (
    chat_id  uuid        NOT NULL,
    user_id  uuid        NOT NULL,
    until    timestamptz NOT NULL,
    muted_by uuid        NOT NULL,
    muted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, user_id)
);

-- Someone a moderator removed from a chat. A class's chats take their members from the journal, so removal cannot
-- delete a roster row: the chat leaves these people out instead, until a moderator lets them back.
CREATE TABLE chat_exclusions (
    chat_id     uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    excluded_by uuid        NOT NULL,
    excluded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, user_id)
);

-- Messages a teacher scheduled (for the morning, after quiet hours). An Orleans reminder of the message's grain sends
-- it; this row is what the author sees and cancels, and what the reminder reads.
CREATE TABLE scheduled_messages (
    message_id   uuid        PRIMARY KEY,
    chat_id      uuid        NOT NULL,
    author_id    uuid        NOT NULL,
    text         text        NOT NULL,
    send_at      timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    sent_seq     bigint,
    cancelled_at timestamptz
);

CREATE INDEX scheduled_messages_author ON scheduled_messages (author_id, chat_id) WHERE sent_at IS NULL AND cancelled_at IS NULL;

-- A class's materials library: files (bytes in the file store under their SHA-256) and links, by subject and lesson
-- date. Teachers of the class publish; its students and parents read; every download is counted.
CREATE TABLE class_materials (
    material_id  uuid        PRIMARY KEY,
    class_id     uuid        NOT NULL,
    school_id    uuid        NOT NULL,
    client_id    text        NOT NULL,
    subject      text        NOT NULL,
    title        text        NOT NULL,
    lesson_date  date        NOT NULL,
    file_hash    text,
    file_name    text,
    content_type text,
    size         bigint,
    url          text,
    author_id    uuid        NOT NULL,
    author_name  text        NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    removed_at   timestamptz,
    removed_by   uuid,
    downloads    integer     NOT NULL DEFAULT 0,
    search       tsvector    GENERATED ALWAYS AS (to_tsvector('russian', subject || ' ' || title || ' ' || coalesce(file_name, ''))) STORED,
    CHECK ((file_hash IS NULL) <> (url IS NULL))
);

CREATE UNIQUE INDEX class_materials_client ON class_materials (class_id, author_id, client_id);
CREATE INDEX class_materials_class ON class_materials (class_id, lesson_date DESC) WHERE removed_at IS NULL;
CREATE INDEX class_materials_search ON class_materials USING gin (search);

-- Communities in the school's directory: what they are about and who may find them. Staff see every community;
-- students only those open to their grade; parents those open to parents.
ALTER TABLE chats ADD COLUMN description text NOT NULL DEFAULT '';
ALTER TABLE chats ADD COLUMN open_grades smallint[] NOT NULL DEFAULT '{}';
ALTER TABLE chats ADD COLUMN open_to_parents boolean NOT NULL DEFAULT false;

CREATE TABLE community_requests (
    chat_id      uuid        NOT NULL REFERENCES chats (chat_id),
    user_id      uuid        NOT NULL,
    user_name    text        NOT NULL,
    note         text,
    requested_at timestamptz NOT NULL DEFAULT now(),
    decided_at   timestamptz,
    decided_by   uuid,
    approved     boolean,
    PRIMARY KEY (chat_id, user_id)
);
