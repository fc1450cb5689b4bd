-- Signed-in sessions, one per device: the session cookie names one, and a session ended here (by its user from
-- another device, by idling, by an admin disabling the account) is refused at the next request and its live
-- connections are closed by the web nodes, which watch ended_at.
CREATE TABLE user_sessions (
    session_id   uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    user_agent   text        NOT NULL,
    address      text        NOT NULL,
    ended_at     timestamptz,
    ended_reason text         -- signed-out | ended-by-user | idle | expired | account-disabled
);

CREATE INDEX user_sessions_user ON user_sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX user_sessions_ended ON user_sessions (ended_at) WHERE ended_at IS NOT NULL;
