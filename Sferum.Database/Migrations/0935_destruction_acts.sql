-- Acts of destruction of personal data (152-FZ, Roskomnadzor order No. 179; issue 12). One row per erased person
-- (person_key is the erasure grain's key, so running an erasure twice makes one act). The act is the one place that
-- keeps the destroyed person's name — the order requires it — and only until purge_after (3 years by default), when the
-- nightly job removes the row. Both documents are stored as the PDFs that were issued, so a later change of the school's
-- details or of the code does not change an act after the fact.
CREATE TABLE destruction_acts (
    act_id             uuid        PRIMARY KEY,
    number             bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    school_id          uuid        NOT NULL,
    person_key         text        NOT NULL UNIQUE,
    subject_user_id    uuid,
    person_name        text        NOT NULL,
    person_role        text        NOT NULL,       -- «ученик 5А», «родитель», «сотрудник»: who they were, for the act
    categories         text[]      NOT NULL,
    reason             text        NOT NULL,       -- admin-order | left-roster | consent-withdrawn | unlawful-processing
    reason_text        text        NOT NULL,
    ordered_by         uuid,
    performer_name     text        NOT NULL,
    performer_position text        NOT NULL,
    operator_name      text        NOT NULL,
    operator_address   text        NOT NULL,
    processor          text,
    started_at         timestamptz NOT NULL DEFAULT now(),
    completed_at       timestamptz,
    -- The name forms to take out of other tables and the audit log; needed only while the erasure runs (a silo may die
    -- half-way, after the sources are gone), cleared when it completes.
    pending_names      text[],
    -- The audit entries of this erasure (ordered, redaction, done), for the extract from the event log.
    audit_seqs         bigint[]    NOT NULL DEFAULT '{}',
    act_pdf            bytea,
    extract_pdf        bytea,
    purge_after        timestamptz
);

CREATE INDEX destruction_acts_school ON destruction_acts (school_id, number DESC);
CREATE INDEX destruction_acts_purge ON destruction_acts (purge_after) WHERE purge_after IS NOT NULL;

-- Leavers whose grace period passed are found by the time they were marked removed.
CREATE INDEX roster_people_removed ON roster_people (removed_at) WHERE removed_at IS NOT NULL;

-- An erasure finds every message a person wrote; without this, that is a scan of every partition of the chat table.
CREATE INDEX chat_messages_author ON chat_messages (author_id);

-- A destroyed person's name forms replaced in a text (longest first, so the full name goes before the shorter forms
-- inside it). The erasure uses it on the tables that copy names into free text: import change lists and reports.
CREATE FUNCTION erase_names(value text, names text[], replacement text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n text;
BEGIN
    IF value IS NULL THEN
        RETURN NULL;
    END IF;
    FOR n IN SELECT x FROM unnest(names) x WHERE length(trim(x)) >= 2 ORDER BY length(x) DESC, x LOOP
        value := replace(value, n, replacement);
    END LOOP;
    RETURN value;
END
$$;
