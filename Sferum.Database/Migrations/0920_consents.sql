-- Consent and legal basis (issue 12, 152-FZ). Data from the school's roster is processed on the school's own legal
-- basis (the operator under the education law); what Sferum keeps beyond it needs the person's consent, given as a
-- separate document (the rule since 1 September 2025): who consents, for whom, the operator, the purpose, the data,
-- the actions, the validity and how to withdraw, the exact text shown and when it was accepted. A withdrawal stops the
-- processing at once and schedules destruction (personal_data_destructions) unless another legal basis remains.
-- The consents grain (Sferum.Grains/Consents) is the only writer.

-- The operator a school's consents name (152-FZ art. 9 part 4): its full legal name and address, set by its admins.
CREATE TABLE personal_data_operators (
    school_id  uuid        PRIMARY KEY,
    legal_name text        NOT NULL,
    address    text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid         -- null when the demo seeder set it
);

-- The consent texts, one row per purpose and version. A version never changes: a new wording is a new version (a new
-- migration), so the text a person accepted can always be shown again. The body is a template: {{…}} placeholders
-- (the consenting person, the subject, the operator, the destruction period) are filled in when it is shown, and each
-- consent keeps that filled-in text and its hash too. categories are PersonalDataCategories codes.
CREATE TABLE consent_texts (
    purpose      text        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    title        text        NOT NULL,
    categories   text[]      NOT NULL,
    body         text        NOT NULL,
    sha256       bytea       NOT NULL, -- of body in UTF-8, set by the trigger below (never by the insert)
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (purpose, version)
);

CREATE FUNCTION consent_texts_hash() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.sha256 := sha256(convert_to(NEW.body, 'UTF8'));
    RETURN NEW;
END
$$;

CREATE TRIGGER consent_texts_hash BEFORE INSERT ON consent_texts FOR EACH ROW EXECUTE FUNCTION consent_texts_hash();

CREATE FUNCTION consent_texts_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_texts: a published version never changes (% refused); publish a new version', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER consent_texts_immutable BEFORE UPDATE OR DELETE ON consent_texts
    FOR EACH ROW EXECUTE FUNCTION consent_texts_refuse_change();
CREATE TRIGGER consent_texts_no_truncate BEFORE TRUNCATE ON consent_texts
    FOR EACH STATEMENT EXECUTE FUNCTION consent_texts_refuse_change();

-- One consent document. subject_key names the person in the school the way class pages do: the journal id of their
-- roster entry, or 'u:' and their user id (a person's consent for themselves, a pupil who came by invitation). At most
-- one consent per person and purpose is in force at a time. The document names no value of the data (the phone
-- number lives in consent_data), so that destroying the data leaves the proof of consent intact.
CREATE TABLE consents (
    consent_id       uuid        PRIMARY KEY,
    school_id        uuid        NOT NULL,
    purpose          text        NOT NULL,
    text_version     integer     NOT NULL,
    subject_key      text        NOT NULL,
    subject_user_id  uuid,                  -- the subject's Sferum account, when they have one
    subject_name     text        NOT NULL,
    given_by         uuid        NOT NULL,  -- the subject, or a parent linked to the minor subject
    given_by_name    text        NOT NULL,
    as_parent        boolean     NOT NULL,
    operator_name    text        NOT NULL,
    operator_address text        NOT NULL,
    document         text        NOT NULL,  -- the exact text shown and accepted
    document_sha256  bytea       NOT NULL,
    accepted_at      timestamptz NOT NULL DEFAULT now(),
    withdrawn_at     timestamptz,
    withdrawn_by     uuid,
    remaining_basis  text,                  -- on withdrawal: the basis the data stays under, when one does
    FOREIGN KEY (purpose, text_version) REFERENCES consent_texts (purpose, version)
);

CREATE UNIQUE INDEX consents_in_force ON consents (school_id, subject_key, purpose) WHERE withdrawn_at IS NULL;
CREATE INDEX consents_school ON consents (school_id, accepted_at DESC);
CREATE INDEX consents_subject_user ON consents (subject_user_id) WHERE subject_user_id IS NOT NULL;

-- The data Sferum keeps only because of a consent (today: the contact phone). Processing reads it only while its
-- consent is in force; after a withdrawal the row waits for destruction (or goes at once when another basis holds
-- the same value).
CREATE TABLE consent_data (
    consent_id uuid NOT NULL REFERENCES consents (consent_id),
    category   text NOT NULL,
    value      text NOT NULL,
    PRIMARY KEY (consent_id, category)
);

-- Destruction scheduled by a withdrawal (and, later, by the other reasons of issue 12). This table is the schedule:
-- the erasure job queries it by date (destroy_by), destroys the listed categories of the subject, and sets
-- destroyed_at. destroy_by is a deadline ("no later than"), so a job that runs nightly takes the rows due before its
-- next run. categories are PersonalDataCategories codes.
CREATE TABLE personal_data_destructions (
    destruction_id  uuid        PRIMARY KEY,
    school_id       uuid        NOT NULL,
    subject_key     text        NOT NULL,
    subject_user_id uuid,
    categories      text[]      NOT NULL,
    reason          text        NOT NULL, -- «отзыв согласия»
    consent_id      uuid        REFERENCES consents (consent_id),
    scheduled_at    timestamptz NOT NULL DEFAULT now(),
    destroy_by      timestamptz NOT NULL,
    destroyed_at    timestamptz
);

CREATE INDEX personal_data_destructions_due ON personal_data_destructions (destroy_by) WHERE destroyed_at IS NULL;
CREATE INDEX personal_data_destructions_school ON personal_data_destructions (school_id, scheduled_at DESC);

-- The shipped texts, version 1 of each purpose.
INSERT INTO consent_texts (purpose, version, title, categories, body) VALUES
('contact-phone', 1, 'Контактный телефон для учителей класса', ARRAY['contact-phone'], $text$СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ
«Контактный телефон для учителей класса», версия 1

Я, {{consenter}}{{representative}}, даю согласие оператору персональных данных — {{operator}}, адрес: {{operator_address}} (далее — школа), — на обработку персональных данных субъекта персональных данных: {{subject}}.

Цель обработки: чтобы учителя классов, в которых состоит субъект, могли позвонить по вопросам учёбы и жизни класса.

Перечень персональных данных: номер мобильного телефона, указанный при оформлении этого согласия.

Действия с персональными данными: сбор, запись, хранение, использование, предоставление доступа (показ номера) учителям этих классов — классному руководителю и учителям-предметникам — в информационной системе «Сферум», удаление и уничтожение. Обработка автоматизированная. Другим участникам школы и третьим лицам номер не показывается и не передаётся.

Срок действия: со дня принятия согласия до дня его отзыва, но не дольше, чем субъект состоит в списках школы.

Порядок отзыва: в Сферуме («Профиль» → «Согласия на обработку персональных данных» → «Отозвать согласие») или письменным заявлением в школу по адресу: {{operator_address}}. После отзыва номер сразу перестаёт показываться и уничтожается в срок {{destroy_within}} со дня отзыва, если у школы нет другого законного основания его хранить.

Согласие даётся по желанию: без него Сферум работает как прежде, номер просто не показывается учителям.$text$),
('profile-photo', 1, 'Фотография профиля', ARRAY['profile-photo'], $text$СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ
«Фотография профиля», версия 1

Я, {{consenter}}{{representative}}, даю согласие оператору персональных данных — {{operator}}, адрес: {{operator_address}} (далее — школа), — на обработку персональных данных субъекта персональных данных: {{subject}}.

Цель обработки: показ фотографии рядом с именем субъекта в его профиле и в чатах школы, чтобы участники школы узнавали друг друга.

Перечень персональных данных: фотография, загруженная в профиль.

Действия с персональными данными: сбор, запись, хранение, использование, предоставление доступа (показ фотографии) участникам школы, которые видят профиль субъекта в информационной системе «Сферум», удаление и уничтожение. Обработка автоматизированная. Фотография не используется для установления личности и не передаётся третьим лицам.

Срок действия: со дня принятия согласия до дня его отзыва, но не дольше, чем субъект состоит в списках школы.

Порядок отзыва: в Сферуме («Профиль» → «Согласия на обработку персональных данных» → «Отозвать согласие») или письменным заявлением в школу по адресу: {{operator_address}}. После отзыва фотография сразу перестаёт показываться и уничтожается в срок {{destroy_within}} со дня отзыва, если у школы нет другого законного основания её хранить.

Согласие даётся по желанию: без него Сферум работает как прежде, фотография просто не показывается.$text$);
