-- Chats. The log (chat_events) is the truth: one row per event, numbered without gaps per chat by the chat's grain,
-- committed before the sender gets an acknowledgement. It is append-only, except that deleting a message erases its
-- text there too (a deleted message must not linger anywhere).
CREATE TABLE chat_events (
    chat_id    uuid        NOT NULL,
    seq        bigint      NOT NULL,
    type       smallint    NOT NULL, -- 0 posted, 1 edited, 2 deleted, 3 reacted
    author_id  uuid        NOT NULL,
    client_id  text,                 -- the sender's id for a post, so that a retry is not stored twice
    target_seq bigint,               -- the message an edit, deletion or reaction applies to
    body       text,
    at         timestamptz NOT NULL,
    PRIMARY KEY (chat_id, seq)
);

CREATE UNIQUE INDEX chat_events_client ON chat_events (chat_id, author_id, client_id) WHERE client_id IS NOT NULL;

-- Messages as they are now, maintained in the same transaction as each event: history pages and search read this.
CREATE TABLE chat_messages (
    chat_id     uuid        NOT NULL,
    seq         bigint      NOT NULL,
    author_id   uuid        NOT NULL,
    author_name text        NOT NULL,
    client_id   text,
    text        text,
    reply_to    bigint,
    at          timestamptz NOT NULL,
    edited_at   timestamptz,
    deleted_at  timestamptz,
    deleted_by  uuid,
    reactions   jsonb       NOT NULL DEFAULT '{}',
    search      tsvector    GENERATED ALWAYS AS (to_tsvector('russian', coalesce(text, ''))) STORED,
    PRIMARY KEY (chat_id, seq)
);

CREATE INDEX chat_messages_search ON chat_messages USING gin (search);

-- How far each member has read; unread counts and "read by N of M" come from here.
CREATE TABLE chat_reads (
    chat_id  uuid   NOT NULL,
    user_id  uuid   NOT NULL,
    read_seq bigint NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);

-- Pinned messages (set by a moderator); the pin itself is an event in the log like any other.
ALTER TABLE chat_messages ADD COLUMN pinned_at timestamptz;

-- Attached files: [{hash, fileName, contentType, size}]; the bytes are in the file store under their SHA-256.
ALTER TABLE chat_messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
CREATE INDEX chat_messages_materials ON chat_messages (chat_id, seq) WHERE attachments <> '[]';

-- Chats that belong to no class (direct and group chats): their members are listed here. A class's chats take their
-- members from the roster instead.
CREATE TABLE chats (
    chat_id    uuid        PRIMARY KEY,
    school_id  uuid        NOT NULL,
    kind       smallint    NOT NULL, -- 2 direct, 3 group (see ChatKind)
    title      text        NOT NULL,
    created_by uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_members (
    chat_id   uuid        NOT NULL REFERENCES chats (chat_id),
    user_id   uuid        NOT NULL,
    moderator boolean     NOT NULL DEFAULT false,
    added_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, user_id)
);

CREATE INDEX chat_members_user ON chat_members (user_id);
