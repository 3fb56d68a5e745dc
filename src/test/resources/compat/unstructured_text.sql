-- Tables for unstructured_text.yml
CREATE TABLE clinical_notes (id INTEGER PRIMARY KEY, first_name VARCHAR(40), note VARCHAR(300));
INSERT INTO clinical_notes VALUES (1, 'Sarah', 'Patient Sarah (P-1234) presented with a migraine.');
INSERT INTO clinical_notes VALUES (2, 'Bradley', 'After the consult BRADLEY reported better mobility; see P-9876.');
INSERT INTO clinical_notes VALUES (3, 'Ana', 'No identifiers in this note.');
