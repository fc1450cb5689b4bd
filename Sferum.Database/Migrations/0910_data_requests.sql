-- Formal requests of data subjects under 152-FZ (issue 12) that a school's admin registers from a paper letter: to
-- know what is processed (access), to correct, to stop unlawful processing, to withdraw a consent. The school's
-- requests grain (IDataRequestsGrain) is the only writer. Due dates are computed once, at registration, from the
-- working-day calendar in force then, and stored: a later change of the calendar or of a deadline in the law does not
-- move a request already running.
CREATE TABLE data_requests (
    request_id           uuid        PRIMARY KEY,
    school_id            uuid        NOT NULL,
    kind                 smallint    NOT NULL, -- 0 access, 1 correction, 2 unlawful processing, 3 consent withdrawal (DataRequestKind)
    -- The person the request is about: a roster entry of the school, a Sferum user, or both.
    subject_user_id      uuid,
    subject_journal_id   text,
    subject_name         text        NOT NULL,
    -- Who wrote: the person, or a parent for their child (then the parent's user or roster entry).
    by_representative    boolean     NOT NULL,
    requester_user_id    uuid,
    requester_journal_id text,
    requester_name       text        NOT NULL,
    details              text        NOT NULL DEFAULT '', -- what the letter asks, in the admin's words
    received_on          date        NOT NULL,
    due_on               date        NOT NULL,            -- the answer (access), the correction, stopping (unlawful), destruction (withdrawal)
    destroy_due_on       date,                            -- unlawful processing: destruction by
    stopped_on           date,                            -- unlawful processing: stopped on
    extended_on          date,                            -- access: extended once, by the extension, with this reason sent to the requester
    extension_reason     text,
    closed_on            date,
    outcome              text,
    registered_by        uuid        NOT NULL,
    registered_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (subject_user_id IS NOT NULL OR subject_journal_id IS NOT NULL)
);

-- The admin's queue: open requests of a school by due date.
CREATE INDEX data_requests_queue ON data_requests (school_id, due_on) WHERE closed_on IS NULL;
CREATE INDEX data_requests_school ON data_requests (school_id, registered_at DESC);
