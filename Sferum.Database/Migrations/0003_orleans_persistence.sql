-- Orleans grain state: one row per (service, grain type, grain id), the state serialized by the silo, and a version
-- that is the state's ETag. A write names the version it read; a stale version changes nothing and the provider
-- raises InconsistentStateException, so two activations of one grain (a split brain) cannot overwrite each other.
CREATE TABLE orleansstorage (
    grainidhash            integer   NOT NULL,
    grainidn0              bigint    NOT NULL,
    grainidn1              bigint    NOT NULL,
    graintypehash          integer   NOT NULL,
    graintypestring        text      NOT NULL,
    grainidextensionstring text,
    serviceid              text      NOT NULL,
    payloadbinary          bytea,
    modifiedon             timestamp NOT NULL,
    version                integer,
    -- NULLS NOT DISTINCT (PostgreSQL 15+): grains without a string key extension are still unique.
    CONSTRAINT orleansstorage_grain UNIQUE NULLS NOT DISTINCT
        (serviceid, graintypehash, grainidhash, grainidn0, grainidn1, graintypestring, grainidextensionstring)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', '
    SELECT payloadbinary, now() AT TIME ZONE ''utc'' AS readon, version
    FROM orleansstorage
    WHERE serviceid = @ServiceId::text AND graintypehash = @GrainTypeHash::integer
      AND grainidhash = @GrainIdHash::integer AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint
      AND graintypestring = @GrainTypeString::text
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString::text'),

-- With a version: update that exact version. Without one (never read a row): insert, unless a row appeared
-- meanwhile. The answer is the new version, or the caller''s version (or NULL) when nothing changed.
('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleansstorage
        SET payloadbinary = @PayloadBinary::bytea, modifiedon = now() AT TIME ZONE ''utc'', version = version + 1
        WHERE @GrainStateVersion::integer IS NOT NULL AND version = @GrainStateVersion::integer
          AND serviceid = @ServiceId::text AND graintypehash = @GrainTypeHash::integer
          AND grainidhash = @GrainIdHash::integer AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint
          AND graintypestring = @GrainTypeString::text
          AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString::text
        RETURNING version),
    inserted AS (
        INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                    grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        SELECT @GrainIdHash::integer, @GrainIdN0::bigint, @GrainIdN1::bigint, @GrainTypeHash::integer,
               @GrainTypeString::text, @GrainIdExtensionString::text, @ServiceId::text, @PayloadBinary::bytea,
               now() AT TIME ZONE ''utc'', 1
        WHERE @GrainStateVersion::integer IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion::integer)
           AS newgrainstateversion'),

-- Clearing keeps the row (payload NULL) and bumps the version, so a later write still needs the current ETag.
('ClearStorageKey', '
    UPDATE orleansstorage
    SET payloadbinary = NULL, modifiedon = now() AT TIME ZONE ''utc'', version = version + 1
    WHERE version = @GrainStateVersion::integer
      AND serviceid = @ServiceId::text AND graintypehash = @GrainTypeHash::integer
      AND grainidhash = @GrainIdHash::integer AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint
      AND graintypestring = @GrainTypeString::text
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString::text
    RETURNING version AS newgrainstateversion'),

-- Used when a storage is configured with DeleteStateOnClear (personal-data erasure wants the row gone). The
-- provider expects "deleted version + 1" back.
('DeleteStorageKey', '
    DELETE FROM orleansstorage
    WHERE version = @GrainStateVersion::integer
      AND serviceid = @ServiceId::text AND graintypehash = @GrainTypeHash::integer
      AND grainidhash = @GrainIdHash::integer AND grainidn0 = @GrainIdN0::bigint AND grainidn1 = @GrainIdN1::bigint
      AND graintypestring = @GrainTypeString::text
      AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString::text
    RETURNING version + 1 AS newgrainstateversion');
