-- Notifications (issue 13): a message keeps the members it names with @ as their user ids, checked by the chat grain
-- (members only, never the author), so that a mention reaches the right person whatever the names look like.
-- NULL for a message that names nobody. The person's notification centre itself is grain state (bounded: the newest
-- 100), not a table.
ALTER TABLE chat_messages ADD COLUMN mentions uuid[];
