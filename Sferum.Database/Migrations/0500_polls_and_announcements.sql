-- Polls. A poll is posted as a message of its chat (chat_messages.poll_id); its grain (IPollGrain) is the only writer
-- of these tables. Named polls keep who chose what; anonymous polls keep *who voted* and *what was chosen* in two
-- tables with nothing joining them: a ballot has no user, no time, and is found again only by the hash of a receipt
-- that the voter's device keeps (so the voter, and only the voter, can change it until the poll closes).
ALTER TABLE chat_messages ADD COLUMN poll_id uuid;

CREATE TABLE polls (
    poll_id    uuid        PRIMARY KEY,
    chat_id    uuid        NOT NULL,
    seq        bigint,               -- the message that shows it, once posted
    created_by uuid        NOT NULL,
    question   text        NOT NULL,
    options    text[]      NOT NULL,
    multiple   boolean     NOT NULL,
    anonymous  boolean     NOT NULL,
    deadline   timestamptz,
    closed_at  timestamptz,
    closed_by  uuid,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX polls_chat ON polls (chat_id);

CREATE TABLE poll_votes (
    poll_id  uuid        NOT NULL REFERENCES polls (poll_id),
    user_id  uuid        NOT NULL,
    options  smallint[]  NOT NULL,
    voted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (poll_id, user_id)
);

CREATE TABLE poll_voters (
    poll_id uuid NOT NULL REFERENCES polls (poll_id),
    user_id uuid NOT NULL,
    PRIMARY KEY (poll_id, user_id)
);

CREATE TABLE poll_ballots (
    poll_id      uuid       NOT NULL REFERENCES polls (poll_id),
    receipt_hash bytea      NOT NULL,
    options      smallint[] NOT NULL,
    PRIMARY KEY (poll_id, receipt_hash)
);

-- Announcements that each member confirms («ознакомлен»): the flag is on the message, the confirmations beside it.
ALTER TABLE chat_messages ADD COLUMN requires_ack boolean NOT NULL DEFAULT false;

CREATE TABLE message_acks (
    chat_id uuid        NOT NULL,
    seq     bigint      NOT NULL,
    user_id uuid        NOT NULL,
    at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, seq, user_id)
);
