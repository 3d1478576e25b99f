-- Needs surveys: a questionnaire (JSON of souhra_core::survey::Questionnaire) with its public
-- link token, audience, closing day, identification (anonymous by default) and status; the
-- responses (answers as JSON; a name and an e-mail only where the survey asks for them and the
-- respondent consented, with the consent text agreed to); and the wording fixes made after the
-- first response (questionnaire before and after).
-- Kept in step with migrations/postgres.

CREATE TABLE survey (
    id INTEGER PRIMARY KEY,
    area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    intro TEXT,
    audience TEXT,
    consent TEXT,
    identification TEXT NOT NULL,
    status TEXT NOT NULL,
    listed BOOLEAN NOT NULL DEFAULT FALSE,
    results_public BOOLEAN NOT NULL DEFAULT FALSE,
    closes_on TEXT,
    token TEXT NOT NULL UNIQUE,
    questionnaire TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT
);
CREATE INDEX survey_by_area ON survey (area_id, id);

CREATE TABLE survey_response (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    submitted_at TEXT NOT NULL,
    answers TEXT NOT NULL,
    name TEXT,
    email TEXT,
    consent TEXT
);
CREATE INDEX survey_response_by_survey ON survey_response (survey_id, id);

CREATE TABLE survey_change (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES survey (id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    account_id INTEGER REFERENCES account (id) ON DELETE SET NULL,
    questionnaire_before TEXT NOT NULL,
    questionnaire_after TEXT NOT NULL
);
CREATE INDEX survey_change_by_survey ON survey_change (survey_id, id);
