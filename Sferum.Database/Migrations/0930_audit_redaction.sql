-- Erasure under 152-FZ (issue 12) must take a destroyed person's name out of old audit summaries, while the log stays
-- append-only and verifiable. So the chain no longer covers summary and details themselves but a SHA-256 digest of
-- them (content_digest), and a redaction — allowed only through audit_redact below, and recorded as an audit entry of
-- its own — may rewrite the text of old entries without touching any chained column.
--
--   content_digest = SHA-256(content_salt || "<summary>|<details>")   (each as audit_field: UTF-8 length, ':', text)
--   hash           = SHA-256("sferum-audit-v2" | seq | id | at | school | actor | client | subject | address | action
--                            | content_digest in hex | prev_hash in hex)
--
-- The salt is random per entry and is destroyed when the entry is redacted: a digest of a text that held a name must
-- not let anyone confirm a guessed name by hashing it. A redacted entry (redacted_by = the seq of the audit.redacted
-- entry) is checked instead against the digest of its new text that the redaction entry lists — the redaction entry is
-- chained like any other, so a redacted text changed afterwards is still found. Sferum.Grains/Audit/AuditChainEncoding.cs
-- computes the same in C#; "audit verify" uses that one.
--
-- Migration 0900's entries are re-chained here (0900 was never deployed). Whoever could re-chain can also re-chain
-- again; that is what noting the head hash outside the database is for (docs/operations.md).

ALTER TABLE audit_log
    ADD COLUMN content_salt   bytea,
    ADD COLUMN content_digest bytea,
    ADD COLUMN redacted_by    bigint;

CREATE FUNCTION audit_content_digest(salt bytea, summary text, details jsonb) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(coalesce(salt, ''::bytea) || convert_to(audit_field(summary) || '|' || audit_field(details::text), 'UTF8'))
$$;

DROP FUNCTION audit_entry_hash(bigint, bigint, timestamptz, uuid, uuid, text, uuid, inet, text, text, jsonb, bytea);

CREATE FUNCTION audit_entry_hash(
    seq bigint, id bigint, at timestamptz, school_id uuid, actor_user_id uuid, actor_client text, subject_user_id uuid,
    client_address inet, action text, content_digest bytea, prev_hash bytea) RETURNS bytea
LANGUAGE sql STABLE AS $$
    SELECT sha256(convert_to(concat_ws('|', 'sferum-audit-v2',
        audit_field(seq::text), audit_field(id::text),
        audit_field((extract(epoch FROM at) * 1000000)::bigint::text),
        audit_field(school_id::text), audit_field(actor_user_id::text), audit_field(actor_client),
        audit_field(subject_user_id::text), audit_field(client_address::text),
        audit_field(action), audit_field(encode(content_digest, 'hex')),
        audit_field(encode(prev_hash, 'hex'))), 'UTF8'))
$$;

-- Re-chain what is there, in chain order, from the anchor (an earlier purge's last entry) on.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $$
DECLARE
    r      audit_log;
    last   bytea := (SELECT anchor_hash FROM audit_chain);
    salt   bytea;
    digest bytea;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
        salt := uuid_send(gen_random_uuid());
        digest := audit_content_digest(salt, r.summary, r.details);
        UPDATE audit_log SET content_salt = salt, content_digest = digest, prev_hash = last,
            hash = audit_entry_hash(r.seq, r.id, r.at, r.school_id, r.actor_user_id, r.actor_client, r.subject_user_id,
                                    r.client_address, r.action, digest, last)
        WHERE id = r.id
        RETURNING hash INTO last;
    END LOOP;
    PERFORM set_config('sferum.audit_chain', 'append', true);
    UPDATE audit_chain SET head_hash = last;
    PERFORM set_config('sferum.audit_chain', '', true);
END
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
ALTER TABLE audit_log ALTER COLUMN content_digest SET NOT NULL;

CREATE OR REPLACE FUNCTION audit_log_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last bytea;
BEGIN
    PERFORM set_config('sferum.audit_chain', 'append', true);
    UPDATE audit_chain SET head_seq = head_seq + 1 RETURNING head_seq, head_hash INTO NEW.seq, last;
    NEW.prev_hash := last;
    NEW.redacted_by := NULL;
    NEW.content_salt := uuid_send(gen_random_uuid());
    NEW.content_digest := audit_content_digest(NEW.content_salt, NEW.summary, NEW.details);
    NEW.hash := audit_entry_hash(NEW.seq, NEW.id, NEW.at, NEW.school_id, NEW.actor_user_id, NEW.actor_client,
                                 NEW.subject_user_id, NEW.client_address, NEW.action, NEW.content_digest, last);
    UPDATE audit_chain SET head_hash = NEW.hash;
    PERFORM set_config('sferum.audit_chain', '', true);
    RETURN NEW;
END
$$;

-- The guard now lets exactly one kind of UPDATE through: a redaction's, which changes only summary, details, the salt
-- (destroyed) and redacted_by, and only to a text whose digest the named audit.redacted entry (later in the chain)
-- lists for this entry. The flag alone opens nothing.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('sferum.audit_chain', true) = 'purge' THEN
        IF OLD.seq <= (SELECT anchor_seq FROM audit_chain) THEN
            RETURN OLD;
        END IF;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('sferum.audit_chain', true) = 'redact'
       AND (NEW.seq, NEW.id, NEW.at, NEW.school_id, NEW.actor_user_id, NEW.actor_client, NEW.subject_user_id,
            NEW.client_address, NEW.action, NEW.prev_hash, NEW.hash, NEW.content_digest)
           IS NOT DISTINCT FROM
           (OLD.seq, OLD.id, OLD.at, OLD.school_id, OLD.actor_user_id, OLD.actor_client, OLD.subject_user_id,
            OLD.client_address, OLD.action, OLD.prev_hash, OLD.hash, OLD.content_digest)
       AND NEW.content_salt IS NULL
       AND EXISTS (
           SELECT 1 FROM audit_log r, jsonb_array_elements(r.details -> 'rows') x
           WHERE r.seq = NEW.redacted_by AND r.seq > OLD.seq AND r.action = 'audit.redacted'
             AND (x ->> 'seq')::bigint = OLD.seq
             AND x ->> 'digest' = encode(audit_content_digest(NULL, NEW.summary, NEW.details), 'hex')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Replaces each of names (longest first, so a full name goes before the shorter forms inside it) by the replacement in
-- the summary and details of the entries of these schools or about this subject, writes one audit.redacted entry
-- listing each changed entry's seq and the digest of its new text (never the names), and returns how many changed.
-- Over-redaction of a namesake in the same school is possible and harmless; a missed name is not, hence the scope.
CREATE FUNCTION audit_redact(names text[], replacement text, schools uuid[], subject uuid, actor uuid, reason text)
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    r         record;
    n         text;
    summary   text;
    details   text;
    changed   jsonb := '[]';
    texts     jsonb := '{}';
    redaction bigint;
    ordered   text[];
BEGIN
    SELECT array_agg(x ORDER BY length(x) DESC, x) INTO ordered FROM unnest(names) x WHERE length(trim(x)) >= 2;
    IF ordered IS NULL THEN
        RETURN 0;
    END IF;

    FOR r IN
        SELECT a.seq, a.summary, a.details::text AS details FROM audit_log a
        WHERE a.action <> 'audit.redacted'
          AND (a.school_id = ANY(schools) OR a.subject_user_id = subject OR a.actor_user_id = subject)
          AND EXISTS (SELECT 1 FROM unnest(ordered) x WHERE position(x IN a.summary) > 0 OR position(x IN a.details::text) > 0)
        ORDER BY a.seq
    LOOP
        summary := r.summary;
        details := r.details;
        FOREACH n IN ARRAY ordered LOOP
            summary := replace(summary, n, replacement);
            details := replace(details, n, replacement);
        END LOOP;
        changed := changed || jsonb_build_object('seq', r.seq,
            'digest', encode(audit_content_digest(NULL, summary, details::jsonb), 'hex'));
        texts := texts || jsonb_build_object(r.seq::text, jsonb_build_array(summary, details::jsonb));
    END LOOP;

    IF jsonb_array_length(changed) = 0 THEN
        RETURN 0;
    END IF;

    INSERT INTO audit_log (school_id, actor_user_id, action, summary, details, subject_user_id)
    VALUES (CASE WHEN cardinality(schools) = 1 THEN schools[1] END, actor, 'audit.redacted',
            format('Из журнала убраны имена человека, чьи персональные данные уничтожены: записей %s', jsonb_array_length(changed)),
            jsonb_build_object('reason', reason, 'replacement', replacement, 'rows', changed), subject)
    RETURNING seq INTO redaction;

    PERFORM set_config('sferum.audit_chain', 'redact', true);
    UPDATE audit_log a SET summary = t.value ->> 0, details = t.value -> 1, content_salt = NULL, redacted_by = redaction
    FROM jsonb_each(texts) t
    WHERE a.seq = t.key::bigint;
    PERFORM set_config('sferum.audit_chain', '', true);
    RETURN jsonb_array_length(changed);
END
$$;
