-- One store of a school's details as operator of personal data. Consents named the operator from this table, while
-- the answers to data requests and the acts of destruction kept their own copies (responsible official, processors,
-- periods of storage) in grain state; those copies move here when their grains next activate (only into empty fields).
ALTER TABLE personal_data_operators
    ADD COLUMN responsible_name     text NOT NULL DEFAULT '',
    ADD COLUMN responsible_position text NOT NULL DEFAULT '',
    ADD COLUMN processors           text NOT NULL DEFAULT '',
    ADD COLUMN retention            text NOT NULL DEFAULT '';
