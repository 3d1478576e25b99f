-- Display labels of codelist entries chosen by an installation's administrators (a shorter or
-- plainer name than the registry's). The bundled label stays in codelist_entry; the interface
-- shows this one where it is set. Changing one changes the catalogue's revision, so search
-- indexes and printed catalogues pick it up. Kept in step with migrations/postgres.
CREATE TABLE codelist_display_label (
    codelist TEXT NOT NULL,
    key TEXT NOT NULL,
    label TEXT NOT NULL,
    changed_by INTEGER REFERENCES account (id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (codelist, key),
    FOREIGN KEY (codelist, key) REFERENCES codelist_entry (codelist, key) ON DELETE CASCADE
);

CREATE TRIGGER codelist_display_label_inserted AFTER INSERT ON codelist_display_label
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER codelist_display_label_updated AFTER UPDATE ON codelist_display_label
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
CREATE TRIGGER codelist_display_label_deleted AFTER DELETE ON codelist_display_label
BEGIN UPDATE catalogue_revision SET revision = revision + 1; END;
