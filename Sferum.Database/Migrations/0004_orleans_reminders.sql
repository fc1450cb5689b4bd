-- Orleans reminders: durable timers. The silo that owns a range of grain hashes reads that range and fires them.
-- Grain hashes are unsigned 32-bit values passed as signed integers; the provider picks ReadRangeRows1Key for a
-- plain range and ReadRangeRows2Key for one that wraps around.
CREATE TABLE orleansreminderstable (
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL,
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX orleansreminderstable_range ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', '
    INSERT INTO orleansreminderstable (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES (@ServiceId::text, @GrainId::text, @ReminderName::text, @StartTime::timestamptz, @Period::bigint,
            @GrainHash::integer, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
    SET starttime = excluded.starttime, period = excluded.period, grainhash = excluded.grainhash,
        version = orleansreminderstable.version + 1
    RETURNING version'),

('ReadReminderRowsKey', '
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::text AND grainid = @GrainId::text'),

('ReadReminderRowKey', '
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::text AND grainid = @GrainId::text AND remindername = @ReminderName::text'),

('ReadRangeRows1Key', '
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::text AND grainhash > @BeginHash::integer AND grainhash <= @EndHash::integer'),

('ReadRangeRows2Key', '
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId::text AND (grainhash > @BeginHash::integer OR grainhash <= @EndHash::integer)'),

('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM orleansreminderstable
        WHERE serviceid = @ServiceId::text AND grainid = @GrainId::text AND remindername = @ReminderName::text
          AND version = @Version::integer
        RETURNING 1)
    SELECT count(*)::integer FROM deleted'),

('DeleteReminderRowsKey', '
    DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId::text');
