-- Tables for hash_columns.yml
CREATE TABLE people (id INTEGER PRIMARY KEY, national_id VARCHAR(12), full_name VARCHAR(60), email VARCHAR(60), profile VARCHAR(200), city VARCHAR(60), phone VARCHAR(20));
INSERT INTO people VALUES (1, 'N-001', 'Ana Ruiz', 'Ana@Mail.test', '{"address": {"city": "Oslo"}}', 'Oslo', '555-0101');
INSERT INTO people VALUES (2, 'N-002', 'Ben Ode', ' ana@mail.test ', '{"address": {"city": "Oslo"}}', 'Oslo', '555-0102');
INSERT INTO people VALUES (3, 'N-003', 'Cy Park', 'cy@mail.test', '{"address": {"city": "Bergen"}}', 'Bergen', '555-0103');
INSERT INTO people VALUES (4, 'N-001', 'Ana Ruiz', 'dup@mail.test', '{"address": {}}', 'Tromso', '555-0104');
