-- Tables for ruleset_properties.yml
CREATE TABLE customers (id INTEGER PRIMARY KEY, first_name VARCHAR(60), last_name VARCHAR(60), phone VARCHAR(20), city VARCHAR(40));
INSERT INTO customers VALUES (1, 'Aroha', 'Ngata', '021 555 0101', 'Auckland');
INSERT INTO customers VALUES (2, 'Ben', 'Smith', '021 555 0102', 'Wellington');
INSERT INTO customers VALUES (3, 'Chloe', 'Brown', '', 'Hamilton');
INSERT INTO customers VALUES (4, 'Dai', 'Evans', NULL, 'Dunedin');
INSERT INTO customers VALUES (5, 'Emile', 'Martin', '021 555 0105', 'Nelson');
INSERT INTO customers VALUES (6, 'Farah', 'Khan', '021 555 0106', 'Napier');
INSERT INTO customers VALUES (7, 'Gus', 'Lee', '021 555 0107', 'Tauranga');
INSERT INTO customers VALUES (8, 'Hana', 'Sato', '021 555 0108', 'Rotorua');
