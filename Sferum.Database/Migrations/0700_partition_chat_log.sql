-- The chat log and the messages as they are now, partitioned by chat (hash of chat_id, 32 partitions). At hundreds of
-- millions of rows every write, history page and catch-up names one chat, so it touches one partition and one
-- partition's indexes (tests: ChatPartitionTests read the plans). Search across a person's chats reads the
-- partitions of those chats. Forward-only: the rows move into the new tables inside this migration's transaction.

ALTER TABLE chat_events RENAME TO chat_events_old;
ALTER TABLE chat_events_old RENAME CONSTRAINT chat_events_pkey TO chat_events_old_pkey;
ALTER INDEX chat_events_client RENAME TO chat_events_old_client;

CREATE TABLE chat_events (LIKE chat_events_old INCLUDING DEFAULTS) PARTITION BY HASH (chat_id);
ALTER TABLE chat_events ADD PRIMARY KEY (chat_id, seq);
CREATE UNIQUE INDEX chat_events_client ON chat_events (chat_id, author_id, client_id) WHERE client_id IS NOT NULL;

ALTER TABLE chat_messages RENAME TO chat_messages_old;
ALTER TABLE chat_messages_old RENAME CONSTRAINT chat_messages_pkey TO chat_messages_old_pkey;
ALTER INDEX chat_messages_search RENAME TO chat_messages_old_search;
ALTER INDEX chat_messages_materials RENAME TO chat_messages_old_materials;

CREATE TABLE chat_messages (LIKE chat_messages_old INCLUDING DEFAULTS INCLUDING GENERATED) PARTITION BY HASH (chat_id);
ALTER TABLE chat_messages ADD PRIMARY KEY (chat_id, seq);
CREATE INDEX chat_messages_search ON chat_messages USING gin (search);
CREATE INDEX chat_messages_materials ON chat_messages (chat_id, seq) WHERE attachments <> '[]';

DO $$
BEGIN
    FOR i IN 0..31 LOOP
        EXECUTE format('CREATE TABLE chat_events_p%s PARTITION OF chat_events FOR VALUES WITH (MODULUS 32, REMAINDER %s)', i, i);
        EXECUTE format('CREATE TABLE chat_messages_p%s PARTITION OF chat_messages FOR VALUES WITH (MODULUS 32, REMAINDER %s)', i, i);
    END LOOP;
END $$;

INSERT INTO chat_events SELECT * FROM chat_events_old;
INSERT INTO chat_messages (chat_id, seq, author_id, author_name, client_id, text, reply_to, at, edited_at, deleted_at,
                           deleted_by, reactions, pinned_at, attachments, poll_id, requires_ack, hidden_at)
SELECT chat_id, seq, author_id, author_name, client_id, text, reply_to, at, edited_at, deleted_at,
       deleted_by, reactions, pinned_at, attachments, poll_id, requires_ack, hidden_at
FROM chat_messages_old;

DROP TABLE chat_events_old;
DROP TABLE chat_messages_old;
