-- The provider's ID token of a session, kept with the session instead of in its cookie: the cookie is uploaded with
-- every request and held twice by every live connection, and the token roughly tripled it. The token is only sent
-- back to the provider as id_token_hint when the session's user signs out. It names the person, so it is cleared
-- (set NULL) when the session ends; sessions started before this column have none and sign out without the hint.
ALTER TABLE user_sessions ADD COLUMN id_token text;
