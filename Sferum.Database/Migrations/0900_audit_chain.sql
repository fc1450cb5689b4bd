-- Access that leaves a trace (issue 12): every audit entry says whom it is about and from which address, and the log
-- becomes append-only and tamper-evident: each entry carries the SHA-256 of its own fields and of the entry before it.
--
-- Chain order is its own column, seq, not id: the identity value is drawn before the entry waits for the chain's
-- lock, so two concurrent inserts can take the chain in the other order than their ids.
ALTER TABLE audit_log
    ADD COLUMN subject_user_id uuid,
    ADD COLUMN client_address  inet,
    ADD COLUMN seq             bigint,
    ADD COLUMN prev_hash       bytea,
    ADD COLUMN hash            bytea;

-- The chain's one row: its head (the newest entry) and its anchor (the newest entry purged by retention, whose hash
-- the oldest kept entry names as prev_hash). The head also lets verification notice entries cut off at the end,
-- which no link between the remaining entries would show.
CREATE TABLE audit_chain (
    singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    head_seq     bigint      NOT NULL,
    head_hash    bytea,
    anchor_seq   bigint      NOT NULL,
    anchor_hash  bytea,
    purged_at    timestamptz,
    purged_count bigint      NOT NULL DEFAULT 0
);

-- One field of the canonical encoding: its length in UTF-8 bytes, a colon and the text, or "~" for NULL, so that no
-- two different rows encode alike. Sferum.Grains/Audit/AuditChainEncoding.cs computes the same in C#; the verifier
-- uses that one and so does not trust any function stored in the database it checks.
CREATE FUNCTION audit_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
$$;

-- The entry's hash: SHA-256 (PostgreSQL's built-in sha256) of "sferum-audit-v1" and each field, "|"-separated; the
-- time as microseconds since 1970 (timestamptz's own precision, free of time zone and formatting), the JSON as
-- jsonb's normalised text, the previous hash in hex.
CREATE FUNCTION audit_entry_hash(
    seq bigint, id bigint, at timestamptz, school_id uuid, actor_user_id uuid, actor_client text, subject_user_id uuid,
    client_address inet, action text, summary text, details jsonb, prev_hash bytea) RETURNS bytea
LANGUAGE sql STABLE AS $$
    SELECT sha256(convert_to(concat_ws('|', 'sferum-audit-v1',
        audit_field(seq::text), audit_field(id::text),
        audit_field((extract(epoch FROM at) * 1000000)::bigint::text),
        audit_field(school_id::text), audit_field(actor_user_id::text), audit_field(actor_client),
        audit_field(subject_user_id::text), audit_field(client_address::text),
        audit_field(action), audit_field(summary), audit_field(details::text),
        audit_field(encode(prev_hash, 'hex'))), 'UTF8'))
$$;

-- Existing entries, in the order they were written, become the start of the chain.
INSERT INTO audit_chain (head_seq, head_hash, anchor_seq, anchor_hash) VALUES (0, NULL, 0, NULL);
DO $$
DECLARE
    r    audit_log;
    n    bigint := 0;
    last bytea;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        n := n + 1;
        UPDATE audit_log SET seq = n, prev_hash = last,
            hash = audit_entry_hash(n, r.id, r.at, r.school_id, r.actor_user_id, r.actor_client, r.subject_user_id,
                                    r.client_address, r.action, r.summary, r.details, last)
        WHERE id = r.id
        RETURNING hash INTO last;
    END LOOP;
    UPDATE audit_chain SET head_seq = n, head_hash = last;
END
$$;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);
CREATE INDEX audit_log_subject ON audit_log (subject_user_id, at DESC) WHERE subject_user_id IS NOT NULL;

-- Appending: the UPDATE of audit_chain's one row locks it until the inserting transaction ends, so inserts from every
-- silo take the chain one at a time, and one that waited reads the head as the other left it (READ COMMITTED
-- re-reads a row it waited for): committed, it chains onto that entry; rolled back, onto the one before — no fork,
-- no gap. Chosen over an advisory lock plus "SELECT the last hash": under REPEATABLE READ that SELECT would read an
-- old snapshot and silently fork the chain, whereas the row lock makes such a transaction fail with a serialization
-- error; and the head row is needed anyway to notice entries removed from the end. The cost: audit writes are
-- serialised cluster-wide for the rest of the writer's transaction, so write audit entries last in a transaction.
-- The flag "sferum.audit_chain" (transaction-local) is what lets this function, and the purge, past the guards below.
CREATE FUNCTION audit_log_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last bytea;
BEGIN
    PERFORM set_config('sferum.audit_chain', 'append', true);
    UPDATE audit_chain SET head_seq = head_seq + 1 RETURNING head_seq, head_hash INTO NEW.seq, last;
    NEW.prev_hash := last;
    NEW.hash := audit_entry_hash(NEW.seq, NEW.id, NEW.at, NEW.school_id, NEW.actor_user_id, NEW.actor_client,
                                 NEW.subject_user_id, NEW.client_address, NEW.action, NEW.summary, NEW.details, last);
    UPDATE audit_chain SET head_hash = NEW.hash;
    PERFORM set_config('sferum.audit_chain', '', true);
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append();

-- Append-only: no entry is changed, and only the retention purge removes any — and then only entries at or before the
-- anchor it has just moved. (Whoever owns the tables can still drop these triggers; that is what the hash chain and
-- "audit verify" are for.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('sferum.audit_chain', true) = 'purge' THEN
        IF OLD.seq <= (SELECT anchor_seq FROM audit_chain) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE FUNCTION audit_chain_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('sferum.audit_chain', true) IN ('append', 'purge') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_chain changes only with the audit log: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_chain_guard BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_guard();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_guard();

-- Retention (issue 12): removes the oldest part of the log, entries written before the cutoff, and returns how many.
-- Only a prefix of the chain can go, so it stops at the first entry (in chain order) that is not old enough: "at" is
-- the writer's transaction start and not strictly in chain order, and a stray old entry after it waits for the next
-- purge. The anchor keeps the hash of the last removed entry, which the first kept one names as prev_hash, so
-- verification starts there and still passes.
CREATE FUNCTION audit_purge_before(cutoff timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    chain   audit_chain;
    upto    bigint;
    last    bytea;
    removed bigint;
BEGIN
    -- Locking the chain's row first holds off appends while the prefix is chosen and removed.
    SELECT * INTO chain FROM audit_chain FOR UPDATE;
    SELECT coalesce(min(seq), chain.head_seq + 1) - 1 INTO upto FROM audit_log WHERE at >= cutoff;
    IF upto <= chain.anchor_seq THEN
        RETURN 0;
    END IF;

    SELECT hash INTO last FROM audit_log WHERE seq = upto;
    IF last IS NULL THEN
        RAISE EXCEPTION 'audit chain entry % is missing: run "audit verify" before purging', upto;
    END IF;

    PERFORM set_config('sferum.audit_chain', 'purge', true);
    UPDATE audit_chain SET anchor_seq = upto, anchor_hash = last, purged_at = now();
    DELETE FROM audit_log WHERE seq <= upto;
    GET DIAGNOSTICS removed = ROW_COUNT;
    UPDATE audit_chain SET purged_count = purged_count + removed;
    PERFORM set_config('sferum.audit_chain', '', true);
    RETURN removed;
END
$$;
