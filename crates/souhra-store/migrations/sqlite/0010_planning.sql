-- Community planning. A plan document (community plan, action plan, implementation plan, balance
-- report) of an area has numbered versions; each version holds its vision and its content tree
-- (chapters, priorities > goals > measures > activities) whose elements keep a stable key from
-- version to version. Budgets and indicators belong to an element of a version; measured values
-- of indicators belong to the plan (they outlive versions). An approved version is frozen.
-- Kept in step with migrations/postgres.

CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    topic TEXT,
    period_from INTEGER NOT NULL,
    period_to INTEGER NOT NULL,
    -- The number in the next generated element key (e1, e2, ...).
    next_key INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL
);
CREATE INDEX plan_by_area ON plan (area_id);

CREATE TABLE plan_version (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    vision TEXT,
    resolution TEXT,
    approved_on TEXT,
    approved_by TEXT,
    status_changed_at TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    UNIQUE (plan_id, number)
);

CREATE TABLE plan_element (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_key TEXT,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT,
    -- JSON: the fields of a measure or an activity.
    details TEXT NOT NULL DEFAULT '{}',
    revision INTEGER NOT NULL DEFAULT 1,
    UNIQUE (version_id, key)
);

CREATE TABLE plan_budget (
    version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    element_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (version_id, element_key, year, source)
);

CREATE TABLE plan_indicator (
    version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    element_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline_value REAL NOT NULL,
    baseline_year INTEGER NOT NULL,
    target_value REAL NOT NULL,
    target_year INTEGER NOT NULL,
    direction TEXT NOT NULL,
    PRIMARY KEY (version_id, key)
);

CREATE TABLE indicator_value (
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    indicator_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    value REAL NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (plan_id, indicator_key, year)
);
