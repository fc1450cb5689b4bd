-- E-mail digest of what a person missed (README: Chats → E-mail digest). Only ids, choices and sequence numbers are
-- kept here: the letter is composed from the chat tables each time it is (re)sent, and the address is read from the
-- account when it is sent, so nothing of the person's data is copied. The eraser deletes every row of the person.

-- A person's own choice. enabled NULL (or no row): off, unless the person is a parent of a school whose parents'
-- default is on (such a parent gets a row with NULL when their first letter needs its unsubscribe token).
CREATE TABLE digest_settings (
    user_id           uuid        PRIMARY KEY,
    enabled           boolean,
    every_hours       smallint    NOT NULL DEFAULT 0,  -- 0: daily at send_hour; else every N hours
    send_hour         smallint    NOT NULL DEFAULT 18, -- 0–23 in the school's time zone
    unsubscribe_token text        NOT NULL,            -- random, in the letter's one-click link
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX digest_settings_token ON digest_settings (unsubscribe_token);

-- A school's policy, set by its admins; no row: parents off, no message text.
CREATE TABLE digest_school_policies (
    school_id     uuid        PRIMARY KEY,
    parents_on    boolean     NOT NULL DEFAULT false,
    parents_hour  smallint    NOT NULL DEFAULT 18,
    include_text  boolean     NOT NULL DEFAULT false,
    updated_by    uuid,
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- When the person's next digest is due (the scheduler's reminder calls those whose time has come).
CREATE TABLE digest_schedule (
    user_id     uuid        PRIMARY KEY,
    next_due_at timestamptz NOT NULL
);

-- Up to where each chat was put into a sent digest: the next one starts after it, so no message is sent twice.
CREATE TABLE digest_watermarks (
    user_id uuid   NOT NULL,
    chat_id uuid   NOT NULL,
    seq     bigint NOT NULL,
    PRIMARY KEY (user_id, chat_id)
);

-- Each digest: composed once (the ranges of each chat it covers), sent until the SMTP server took it, then marked
-- sent in the same transaction that moves the watermarks. Its id is in the Message-ID, so a resend after a lost
-- acknowledgement is recognisably the same letter. At most one waits per person.
CREATE TABLE digest_sends (
    digest_id       uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL,
    ranges          jsonb       NOT NULL, -- [{"chat": uuid, "after": seq, "upTo": seq}]
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,                 -- the failure's kind and SMTP status, never an address
    sent_at         timestamptz
);

CREATE UNIQUE INDEX digest_sends_pending ON digest_sends (user_id) WHERE sent_at IS NULL;
CREATE INDEX digest_sends_user ON digest_sends (user_id, created_at);
