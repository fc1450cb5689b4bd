-- ASP.NET Core data-protection keys shared by all web nodes (session cookies, antiforgery tokens).
-- Keys are only ever added; ASP.NET Core marks old ones expired inside their XML.
CREATE TABLE data_protection_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
