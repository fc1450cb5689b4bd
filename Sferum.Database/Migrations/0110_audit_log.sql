-- Who did what, for school admins and operators: imports, appointments, moderation. Append-only; rows are never
-- updated. Personal data stays out of "details" beyond what the action needs (ids, counts, file names).
CREATE TABLE audit_log (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    school_id     uuid,
    actor_user_id uuid,
    actor_client  text,
    action        text        NOT NULL,
    summary       text        NOT NULL,
    details       jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_school ON audit_log (school_id, at DESC);
