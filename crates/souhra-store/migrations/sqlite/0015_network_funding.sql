-- The region level. Networks of social services are plan documents (kind service_network) whose
-- elements are the services of the network (kind network_entry, the service and its capacity in
-- the element's details, the planned money in plan_budget). What was actually paid for a service
-- of a network in a year, by source, belongs to the plan (it outlives versions, like indicator
-- values). A plan may name other plans as its inputs (the ORP plans a region's mid-term plan
-- draws on).
-- Kept in step with migrations/postgres.

CREATE TABLE funding_actual (
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    element_key TEXT NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    recorded_at TEXT NOT NULL,
    recorded_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    PRIMARY KEY (plan_id, element_key, year, source)
);

CREATE TABLE plan_input (
    plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    input_plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    PRIMARY KEY (plan_id, input_plan_id),
    CHECK (plan_id <> input_plan_id)
);
CREATE INDEX plan_input_by_input ON plan_input (input_plan_id);
