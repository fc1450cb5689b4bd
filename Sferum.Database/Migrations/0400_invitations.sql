-- Invitations: links that let a person into a class's chat, its parents' chat, a group or a community. Only the
-- SHA-256 of the link's secret is kept; the link itself is shown once, to the person who created it.
CREATE TABLE invitations (
    invitation_id     uuid        PRIMARY KEY,
    secret_hash       bytea       NOT NULL,
    school_id         uuid        NOT NULL,
    target            smallint    NOT NULL, -- 0 class chat, 1 parents' chat, 2 group, 3 community (InvitationTarget)
    class_id          uuid,                 -- for the class's two chats
    chat_id           uuid        NOT NULL,
    target_title      text        NOT NULL, -- shown to a person only once joining is allowed
    role              smallint    NOT NULL, -- 0 student, 1 parent, 2 teacher, 4 member (InvitationRole)
    child_journal_id  text,                 -- a parent invitation names the child: on the roster ...
    child_user_id     uuid,                 -- ... or someone who joined by invitation
    child_name        text,
    created_by        uuid        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    max_uses          integer     NOT NULL,
    uses              integer     NOT NULL DEFAULT 0,
    requires_approval boolean     NOT NULL,
    revoked_at        timestamptz,
    revoked_by        uuid
);

CREATE INDEX invitations_class ON invitations (class_id, created_at DESC) WHERE class_id IS NOT NULL;
CREATE INDEX invitations_chat ON invitations (chat_id, created_at DESC);

-- Who followed which link: waiting for approval, joined, declined, or removed again by the inviter.
CREATE TABLE invitation_uses (
    invitation_id uuid        NOT NULL REFERENCES invitations (invitation_id),
    user_id       uuid        NOT NULL,
    display_name  text        NOT NULL,
    status        smallint    NOT NULL, -- 0 pending, 1 joined, 2 declined, 3 removed (InvitationUseStatus)
    requested_at  timestamptz NOT NULL DEFAULT now(),
    decided_at    timestamptz,
    decided_by    uuid,
    PRIMARY KEY (invitation_id, user_id)
);

CREATE INDEX invitation_uses_user ON invitation_uses (user_id);

-- People in a class by invitation (or, for parents, by the identity provider's list of their children) rather than by
-- the journal. A parent row names the child it is a parent of.
CREATE TABLE class_invitees (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    class_id         uuid        NOT NULL,
    school_id        uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    role             smallint    NOT NULL, -- 0 student, 1 parent, 2 teacher (ClassRole)
    child_journal_id text,
    child_user_id    uuid,
    last_name        text        NOT NULL,
    first_name       text        NOT NULL,
    middle_name      text,
    invitation_id    uuid        REFERENCES invitations (invitation_id), -- null for a link the provider proposed
    source           text        NOT NULL DEFAULT 'invitation',         -- invitation | provider (a parent confirmed ESIA's child)
    joined_at        timestamptz NOT NULL DEFAULT now(),
    removed_at       timestamptz,
    removed_by       uuid
);

CREATE UNIQUE INDEX class_invitees_once ON class_invitees (class_id, user_id, role, child_journal_id, child_user_id) NULLS NOT DISTINCT
    WHERE removed_at IS NULL;
CREATE INDEX class_invitees_user ON class_invitees (user_id) WHERE removed_at IS NULL;
CREATE INDEX class_invitees_class ON class_invitees (class_id) WHERE removed_at IS NULL;

-- Which link brought a member into a group or community (null for those added by its creator).
ALTER TABLE chat_members ADD COLUMN invitation_id uuid;

-- Invitees who count now: their class is current and, for a parent, the child is still in that class.
CREATE VIEW class_invitees_current AS
    SELECT i.*
    FROM class_invitees i
    JOIN roster_classes c ON c.class_id = i.class_id AND c.removed_at IS NULL
    WHERE i.removed_at IS NULL
      AND (i.child_journal_id IS NULL OR EXISTS (
            SELECT 1 FROM roster_enrollments e
            JOIN roster_people p ON p.school_id = e.school_id AND p.journal_id = e.student_id AND p.removed_at IS NULL
            WHERE e.school_id = c.school_id AND e.academic_year = c.academic_year AND e.class_name = c.name
              AND e.student_id = i.child_journal_id))
      AND (i.child_user_id IS NULL OR EXISTS (
            SELECT 1 FROM class_invitees k
            WHERE k.class_id = i.class_id AND k.user_id = i.child_user_id AND k.role = 0 AND k.removed_at IS NULL));

-- Every user's classes and roles, from the journal and from invitations: the one answer to "where is this user".
CREATE VIEW user_class_roles AS
    SELECT p.user_id, r.school_id, r.class_id, r.role
    FROM roster_people p
    JOIN roster_class_roles r ON r.school_id = p.school_id AND r.journal_id = p.journal_id
    WHERE p.user_id IS NOT NULL AND p.removed_at IS NULL
    UNION ALL
    SELECT user_id, school_id, class_id, role FROM class_invitees_current;
