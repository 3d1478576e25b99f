-- Provider self-service and history. Proposed changes to a service's local fields wait in the
-- area's moderation queue with error reports from the public (which now name the field they are
-- about and are settled with a reason). Every change of a catalogue record is a change set (who,
-- when, why) with its fields' values before and after; every event an administrator may audit is
-- an audit event. Kept in step with migrations/postgres.

CREATE TABLE change_proposal (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    area_id INTEGER REFERENCES area (id) ON DELETE SET NULL,
    -- JSON: [[field, value], ...] with the values proposed.
    fields TEXT NOT NULL,
    message TEXT,
    proposed_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    proposed_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    decided_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    decided_at TEXT,
    reason TEXT
);
CREATE INDEX change_proposal_open ON change_proposal (status, area_id);
CREATE INDEX change_proposal_by_service ON change_proposal (service_id);

ALTER TABLE error_report ADD COLUMN field TEXT;
ALTER TABLE error_report ADD COLUMN decided_by INTEGER REFERENCES account (id) ON DELETE SET NULL;
ALTER TABLE error_report ADD COLUMN decided_at TEXT;
ALTER TABLE error_report ADD COLUMN reason TEXT;

CREATE TABLE change_set (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    note TEXT,
    at TEXT NOT NULL
);
CREATE INDEX change_set_by_entity ON change_set (entity, entity_id, id);

CREATE TABLE change_field (
    change_set_id INTEGER NOT NULL REFERENCES change_set (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    -- JSON values; NULL: no local value (the registry's shows).
    before_value TEXT,
    after_value TEXT,
    PRIMARY KEY (change_set_id, field)
);

CREATE TABLE audit_event (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
    area_id INTEGER REFERENCES area (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    entity TEXT,
    entity_id INTEGER,
    detail TEXT
);
CREATE INDEX audit_event_by_time ON audit_event (at);
