-- Foundation schema: installation metadata, the territory of the Czech Republic, population,
-- registry codelists and planning areas. Kept in step with migrations/postgres.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE region (
    code INTEGER PRIMARY KEY,
    csu_code INTEGER NOT NULL,
    nuts TEXT NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    abbreviation TEXT NOT NULL
);

CREATE TABLE district (
    code INTEGER PRIMARY KEY,
    lau TEXT NOT NULL,
    nuts TEXT NOT NULL,
    name TEXT NOT NULL,
    region_code INTEGER NOT NULL REFERENCES region (code)
);

CREATE TABLE orp (
    code INTEGER PRIMARY KEY,
    ruian_code INTEGER NOT NULL,
    name TEXT NOT NULL,
    seat_code INTEGER NOT NULL,
    region_code INTEGER NOT NULL REFERENCES region (code),
    uzis_code INTEGER
);

CREATE TABLE pou (
    code INTEGER PRIMARY KEY,
    ruian_code INTEGER NOT NULL,
    name TEXT NOT NULL,
    seat_code INTEGER NOT NULL,
    orp_code INTEGER NOT NULL REFERENCES orp (code)
);

-- `is_current` is false for a municipality that a newer territory file no longer lists (merged or
-- abolished): it is kept because other records may refer to it.
-- `population` is the newest total, kept in step by the population loader.
CREATE TABLE municipality (
    code INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    slug TEXT NOT NULL,
    kind TEXT NOT NULL,
    district_code INTEGER NOT NULL REFERENCES district (code),
    orp_code INTEGER NOT NULL REFERENCES orp (code),
    pou_code INTEGER NOT NULL REFERENCES pou (code),
    region_code INTEGER NOT NULL REFERENCES region (code),
    latitude REAL,
    longitude REAL,
    population INTEGER,
    is_current BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX municipality_by_search_name ON municipality (search_name);
CREATE INDEX municipality_by_orp ON municipality (orp_code);
CREATE INDEX municipality_by_region ON municipality (region_code);

CREATE TABLE municipality_postcode (
    municipality_code INTEGER NOT NULL REFERENCES municipality (code),
    postcode INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (municipality_code, postcode)
);
CREATE INDEX municipality_postcode_by_postcode ON municipality_postcode (postcode);

-- One row per municipality, reference date and age band; band 'total' is everybody.
CREATE TABLE population (
    municipality_code INTEGER NOT NULL REFERENCES municipality (code),
    reference_date TEXT NOT NULL,
    band TEXT NOT NULL,
    age_from INTEGER NOT NULL,
    age_to INTEGER,
    count INTEGER NOT NULL,
    PRIMARY KEY (municipality_code, reference_date, band)
);

-- origin: 'bundled' (from data/codelists) or 'imported' (a code met in imported data).
CREATE TABLE codelist_entry (
    codelist TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT,
    registry_id TEXT,
    registry_id_status TEXT NOT NULL,
    mpsv_api_id INTEGER,
    sort_order INTEGER NOT NULL,
    paragraph TEXT,
    category TEXT,
    forms TEXT NOT NULL DEFAULT '',
    age_from INTEGER,
    age_to INTEGER,
    registry_label TEXT,
    origin TEXT NOT NULL,
    PRIMARY KEY (codelist, key)
);
CREATE UNIQUE INDEX codelist_entry_by_registry_id ON codelist_entry (codelist, registry_id)
    WHERE registry_id IS NOT NULL;

CREATE TABLE area (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    territory_code INTEGER,
    region_code INTEGER REFERENCES region (code),
    is_demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
);

CREATE TABLE area_municipality (
    area_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE,
    municipality_code INTEGER NOT NULL REFERENCES municipality (code),
    PRIMARY KEY (area_id, municipality_code)
);
CREATE INDEX area_municipality_by_municipality ON area_municipality (municipality_code);
