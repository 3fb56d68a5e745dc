-- Tables for duplicate_rules.yml
CREATE TABLE tickets (id INTEGER PRIMARY KEY, holder VARCHAR(60), seat VARCHAR(3), price DECIMAL(6,2));
INSERT INTO tickets VALUES (1, 'Ngata', 'A01', 10.00);
INSERT INTO tickets VALUES (2, 'Smith', 'B12', 12.50);
INSERT INTO tickets VALUES (3, 'Brown', 'C07', 9.00);
