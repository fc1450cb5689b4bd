-- A school's roster as the electronic journal knows it, per academic year ("2026/2027"). Imports replace it
-- difference by difference inside one transaction; people who leave are marked removed, never deleted, so history
-- (who wrote what in a chat) keeps its names.

-- One row per school: the version is bumped by every applied import, so a preview made against an older roster
-- cannot be applied over a newer one.
CREATE TABLE roster_schools (
    school_id uuid    PRIMARY KEY,
    version   integer NOT NULL DEFAULT 0
);

CREATE TABLE roster_classes (
    school_id     uuid        NOT NULL,
    academic_year text        NOT NULL,
    name          text        NOT NULL, -- normalised, "5А"
    grade         smallint    NOT NULL,
    class_id      uuid        NOT NULL UNIQUE, -- the class grain's key; stable across imports
    class_chat_id   uuid      NOT NULL UNIQUE, -- teachers and students
    parents_chat_id uuid      NOT NULL UNIQUE, -- teachers and parents
    created_at    timestamptz NOT NULL DEFAULT now(),
    removed_at    timestamptz,
    PRIMARY KEY (school_id, academic_year, name)
);

CREATE TABLE roster_people (
    school_id       uuid        NOT NULL,
    journal_id      text        NOT NULL,
    role            smallint    NOT NULL, -- 0 student, 1 parent, 2 staff
    last_name       text        NOT NULL,
    first_name      text        NOT NULL,
    middle_name     text,
    birth_date      date,
    snils           text,
    email           text,
    phone           text,
    position        text,
    is_school_admin boolean     NOT NULL DEFAULT false,
    user_id         uuid,       -- the Sferum user this entry was matched to
    linked_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    removed_at      timestamptz,
    PRIMARY KEY (school_id, journal_id)
);

CREATE INDEX roster_people_snils ON roster_people (snils) WHERE snils IS NOT NULL AND removed_at IS NULL;
CREATE INDEX roster_people_user ON roster_people (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE roster_enrollments (
    school_id     uuid NOT NULL,
    academic_year text NOT NULL,
    student_id    text NOT NULL,
    class_name    text NOT NULL,
    PRIMARY KEY (school_id, academic_year, student_id)
);

CREATE TABLE roster_guardianships (
    school_id  uuid NOT NULL,
    parent_id  text NOT NULL,
    student_id text NOT NULL,
    relation   text,
    PRIMARY KEY (school_id, parent_id, student_id)
);

CREATE TABLE roster_teaching (
    school_id     uuid    NOT NULL,
    academic_year text    NOT NULL,
    staff_id      text    NOT NULL,
    class_name    text    NOT NULL,
    is_homeroom   boolean NOT NULL,
    subjects      text[]  NOT NULL DEFAULT '{}',
    PRIMARY KEY (school_id, academic_year, staff_id, class_name)
);

-- Every upload, previewed or applied, with its report; the files are kept so that Apply re-reads exactly what was
-- previewed (and so that a page reload or another web node can continue).
CREATE TABLE roster_imports (
    import_id       uuid        PRIMARY KEY,
    school_id       uuid        NOT NULL,
    academic_year   text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid,
    created_by_client text,
    source          text        NOT NULL, -- upload | api
    file_names      text[]      NOT NULL,
    status          text        NOT NULL, -- invalid | previewed | unchanged | applying | applied | failed | superseded
    base_version    integer     NOT NULL,
    report          jsonb       NOT NULL,
    applied_at      timestamptz,
    applied_by      uuid,
    error           text
);

CREATE INDEX roster_imports_school ON roster_imports (school_id, created_at DESC);

CREATE TABLE roster_import_files (
    import_id uuid    NOT NULL REFERENCES roster_imports (import_id) ON DELETE CASCADE,
    position  integer NOT NULL,
    file_name text    NOT NULL,
    content   bytea   NOT NULL,
    PRIMARY KEY (import_id, position)
);

-- The preview's change list, kept so that it can be paged and still read after the import was applied.
CREATE TABLE roster_import_changes (
    import_id uuid     NOT NULL REFERENCES roster_imports (import_id) ON DELETE CASCADE,
    section   smallint NOT NULL,
    position  integer  NOT NULL,
    kind      text     NOT NULL,
    subject   text     NOT NULL,
    detail    text     NOT NULL,
    PRIMARY KEY (import_id, section, position)
);

-- School admins, appointed by SNILS (they may not have signed in yet); the school grain is the only writer.
CREATE TABLE school_admins (
    school_id    uuid        NOT NULL,
    snils        text        NOT NULL,
    last_name    text        NOT NULL,
    first_name   text        NOT NULL,
    middle_name  text,
    appointed_by uuid,
    appointed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (school_id, snils)
);

CREATE INDEX school_admins_snils ON school_admins (snils);

-- A class's grain loads its people by class; a parent is found through the child.
CREATE INDEX roster_enrollments_class ON roster_enrollments (school_id, academic_year, class_name);
CREATE INDEX roster_guardianships_student ON roster_guardianships (school_id, student_id);
CREATE INDEX roster_teaching_class ON roster_teaching (school_id, academic_year, class_name);
