-- Video meetings. A meeting is announced in its chat by a card: a message with meeting_id (posted by the meeting's
-- grain only). The meeting's own state (room, people, attendance) is grain state; nothing else is needed here.
ALTER TABLE chat_messages ADD COLUMN meeting_id uuid;
