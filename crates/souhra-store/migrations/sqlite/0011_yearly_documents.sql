-- Yearly documents. An implementation plan or a balance report of a year draws its activities
-- from the plan versions that were approved or in force for that year (plan_source); those
-- versions are frozen, so the document reads them as they were. A balance report records per
-- activity (or measure without activities) what became of it (plan_outcome).
-- Kept in step with migrations/postgres.

CREATE TABLE plan_source (
    version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    source_version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    PRIMARY KEY (version_id, source_version_id)
);

CREATE TABLE plan_outcome (
    version_id INTEGER NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    source_plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    element_key TEXT NOT NULL,
    status TEXT NOT NULL,
    commentary TEXT,
    spent INTEGER CHECK (spent >= 0),
    PRIMARY KEY (version_id, source_plan_id, element_key)
);
