-- What the identity provider vouched for at a user's last sign-in, queryable so that roster entries can be matched
-- to users ("joining through the journal"). The user grain writes it; only verified values are kept.
CREATE TABLE user_identities (
    user_id    uuid        PRIMARY KEY,
    trust      smallint    NOT NULL, -- 0 simplified, 1 standard, 2 confirmed
    snils      text,
    email      text,
    phone      text,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX user_identities_snils ON user_identities (snils) WHERE snils IS NOT NULL;
