-- Personal-data incidents (152-FZ art. 21 part 3.1, issue 12): a suspected unlawful or accidental disclosure, registered
-- by a school's admin or a platform operator, or opened for review by an automatic signal. Two deadlines run from
-- detection: the first notice to Roskomnadzor and the results of the investigation. Both are stored when the incident
-- is registered (the hours in force then). The incident's grain (IIncidentGrain) is the only writer of a row, except
-- that the signal scanner inserts the rows it opens, in the same transaction as the mark that keeps it from opening
-- the same signal twice.
CREATE TABLE incidents (
    incident_id          uuid        PRIMARY KEY,
    school_id            uuid        NOT NULL,
    status               smallint    NOT NULL, -- 0 review (opened by a signal), 1 open, 2 dismissed (no incident), 3 closed (IncidentStatus)
    source               text        NOT NULL, -- manual | profile-reads | exports | refusals
    description          text        NOT NULL, -- what happened
    data_subjects        text        NOT NULL, -- whose data
    people_count         integer,              -- how many people, when known
    detected_at          timestamptz NOT NULL,
    measures             text        NOT NULL DEFAULT '', -- what was done
    causes               text        NOT NULL DEFAULT '',
    harm                 text        NOT NULL DEFAULT '',
    findings             text        NOT NULL DEFAULT '', -- the investigation's results (second notice)
    contact              text        NOT NULL DEFAULT '', -- who deals with Roskomnadzor for the school
    registered_by        uuid,                 -- null: opened by a signal
    registered_at        timestamptz NOT NULL DEFAULT now(),
    first_notice_due     timestamptz NOT NULL,
    first_notice_sent_at timestamptz,
    first_notice_sent_by uuid,
    results_due          timestamptz NOT NULL,
    results_sent_at      timestamptz,
    results_sent_by      uuid,
    resolved_at          timestamptz,
    resolved_by          uuid,
    resolution           text,
    tracked_at           timestamptz           -- the grain took over its deadlines (reminder registered)
);

CREATE INDEX incidents_school ON incidents (school_id, detected_at DESC);
CREATE INDEX incidents_untracked ON incidents (registered_at) WHERE tracked_at IS NULL;

-- How far each automatic signal has looked, per kind, school and staff account: entries of the audit log up to
-- covered_upto have been counted into a signal already and never count again, so a signal is opened once, and a
-- new burst opens a new one.
CREATE TABLE incident_signals (
    kind          text   NOT NULL, -- profile-reads | exports | refusals
    school_id     uuid   NOT NULL,
    actor_user_id uuid   NOT NULL,
    covered_upto  bigint NOT NULL, -- audit_log.id
    incident_id   uuid   NOT NULL,
    PRIMARY KEY (kind, school_id, actor_user_id)
);

-- The scanner reads only these actions of the log, over a recent period.
CREATE INDEX audit_log_signals ON audit_log (action, at)
    WHERE action IN ('person.contact-viewed', 'audit.exported', 'access.refused');

-- In-app notices to staff (shown on their home page): the incidents' reminders. One per incident, stage and person,
-- so a reminder that fires twice tells nobody twice.
CREATE TABLE staff_notices (
    notice_id    uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL,
    school_id    uuid        NOT NULL,
    incident_id  uuid        NOT NULL,
    stage        text        NOT NULL, -- registered | first-soon | first-overdue | results-soon | results-overdue
    text         text        NOT NULL,
    link         text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    dismissed_at timestamptz,
    UNIQUE (incident_id, stage, user_id)
);

CREATE INDEX staff_notices_user ON staff_notices (user_id, created_at DESC) WHERE dismissed_at IS NULL;
