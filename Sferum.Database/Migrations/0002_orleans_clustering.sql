-- Orleans cluster membership (Extended Orleans Membership Protocol): one version row per cluster (deployment),
-- one row per silo incarnation. Any change to a silo row must bump the cluster's version in the same statement,
-- and only if the caller saw the current version.
CREATE TABLE orleansmembershipversiontable (
    deploymentid text        PRIMARY KEY,
    timestamp    timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0
);

CREATE TABLE orleansmembershiptable (
    deploymentid text        NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      text        NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    status       integer     NOT NULL,
    proxyport    integer     NOT NULL DEFAULT 0,
    suspecttimes text,
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        VALUES (@DeploymentId::text)
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created'),

-- Inserts the silo row only if the caller''s version is current and the row is new; the version row is locked by
-- the UPDATE, so two silos racing with the same version cannot both succeed.
('InsertMembershipKey', '
    WITH bumped AS (
        UPDATE orleansmembershipversiontable
        SET version = version + 1, timestamp = now()
        WHERE deploymentid = @DeploymentId::text
          AND version = @Version::integer
          AND NOT EXISTS (
              SELECT 1 FROM orleansmembershiptable
              WHERE deploymentid = @DeploymentId::text AND address = @Address::text
                AND port = @Port::integer AND generation = @Generation::integer)
        RETURNING deploymentid),
    inserted AS (
        INSERT INTO orleansmembershiptable
            (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
        SELECT deploymentid, @Address::text, @Port::integer, @Generation::integer, @SiloName::text, @HostName::text,
               @Status::integer, coalesce(@ProxyPort::integer, 0), @StartTime::timestamptz, @IAmAliveTime::timestamptz
        FROM bumped
        RETURNING 1)
    SELECT count(*)::integer FROM inserted'),

('UpdateMembershipKey', '
    WITH bumped AS (
        UPDATE orleansmembershipversiontable
        SET version = version + 1, timestamp = now()
        WHERE deploymentid = @DeploymentId::text
          AND version = @Version::integer
          AND EXISTS (
              SELECT 1 FROM orleansmembershiptable
              WHERE deploymentid = @DeploymentId::text AND address = @Address::text
                AND port = @Port::integer AND generation = @Generation::integer)
        RETURNING deploymentid),
    updated AS (
        UPDATE orleansmembershiptable m
        SET status = @Status::integer, suspecttimes = @SuspectTimes::text, iamalivetime = @IAmAliveTime::timestamptz
        FROM bumped b
        WHERE m.deploymentid = b.deploymentid AND m.address = @Address::text
          AND m.port = @Port::integer AND m.generation = @Generation::integer
        RETURNING 1)
    SELECT count(*)::integer FROM updated'),

-- A heartbeat: not versioned, never checked.
('UpdateIAmAlivetimeKey', '
    UPDATE orleansmembershiptable
    SET iamalivetime = @IAmAliveTime::timestamptz
    WHERE deploymentid = @DeploymentId::text AND address = @Address::text
      AND port = @Port::integer AND generation = @Generation::integer'),

-- The version row comes back even when the silo row does not exist (the provider reads the version from it).
('MembershipReadRowKey', '
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime, v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m
           ON m.deploymentid = v.deploymentid AND m.address = @Address::text
          AND m.port = @Port::integer AND m.generation = @Generation::integer
    WHERE v.deploymentid = @DeploymentId::text'),

('MembershipReadAllKey', '
    SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
           m.suspecttimes, m.starttime, m.iamalivetime, v.version
    FROM orleansmembershipversiontable v
    LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId::text'),

('GatewaysQueryKey', '
    SELECT address, proxyport, generation
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId::text AND status = @Status::integer AND proxyport > 0'),

('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId::text;
    DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId::text'),

-- Removes rows of silos that stopped heart-beating long ago; an Active row (status 3) is never removed here.
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId::text AND iamalivetime < @IAmAliveTime::timestamptz AND status <> 3');
