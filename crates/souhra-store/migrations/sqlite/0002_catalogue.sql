-- The catalogue of social services: providers, services with forms, capacities, opening hours,
-- codes, facilities and service areas; local overrides of registry fields, import conflicts and
-- import runs. Kept in step with migrations/postgres.

CREATE TABLE organization (
    id INTEGER PRIMARY KEY,
    ico TEXT UNIQUE,
    name TEXT NOT NULL,
    legal_form TEXT,
    seat TEXT,
    contacts TEXT NOT NULL,
    source TEXT NOT NULL,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    record_hash TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- For registry services the columns hold the registry's values as last imported; local edits
-- live in service_override and win when shown.
CREATE TABLE service (
    id INTEGER PRIMARY KEY,
    registration_id TEXT UNIQUE,
    portal_id INTEGER,
    source TEXT NOT NULL,
    organization_id INTEGER NOT NULL REFERENCES organization (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    fees TEXT,
    contacts TEXT NOT NULL,
    status TEXT NOT NULL,
    status_since TEXT,
    provided_from TEXT,
    provided_to TEXT,
    verified_at TEXT,
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    record_hash TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX service_by_organization ON service (organization_id);
CREATE INDEX service_by_kind ON service (kind);

CREATE TABLE service_form (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    form TEXT NOT NULL,
    continuous BOOLEAN NOT NULL,
    hours_note TEXT,
    PRIMARY KEY (service_id, form)
);

CREATE TABLE service_capacity (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    form TEXT NOT NULL,
    position INTEGER NOT NULL,
    capacity_type TEXT NOT NULL,
    count INTEGER NOT NULL,
    note TEXT,
    PRIMARY KEY (service_id, form, position)
);

CREATE TABLE opening_hours (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    form TEXT NOT NULL,
    position INTEGER NOT NULL,
    weekday INTEGER NOT NULL,
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (service_id, form, position)
);

-- Target groups and age groups of a service (codelist keys).
CREATE TABLE service_code (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    codelist TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (service_id, codelist, key)
);
CREATE INDEX service_code_by_key ON service_code (codelist, key);

CREATE TABLE facility (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    street TEXT,
    house_number TEXT,
    orientation_number TEXT,
    postcode INTEGER,
    municipality_code INTEGER,
    address_point INTEGER,
    latitude REAL,
    longitude REAL,
    hidden_address BOOLEAN NOT NULL,
    provided_from TEXT,
    provided_to TEXT,
    PRIMARY KEY (service_id, key)
);
CREATE INDEX facility_by_municipality ON facility (municipality_code);

-- The service area as given: regions, districts, ORPs or municipalities; expanded through the
-- territory tables when asked, so it follows territorial changes.
CREATE TABLE service_area_unit (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    code INTEGER NOT NULL,
    PRIMARY KEY (service_id, kind, code)
);
CREATE INDEX service_area_unit_by_code ON service_area_unit (kind, code);

CREATE TABLE service_override (
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    edited_at TEXT NOT NULL,
    PRIMARY KEY (service_id, field)
);

CREATE TABLE import_conflict (
    id INTEGER PRIMARY KEY,
    service_id INTEGER NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    registry_before TEXT,
    registry_after TEXT,
    local_value TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT
);
CREATE INDEX import_conflict_open ON import_conflict (service_id) WHERE resolved_at IS NULL;

CREATE TABLE import_run (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    origin TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    report TEXT NOT NULL
);
