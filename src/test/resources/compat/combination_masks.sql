-- Tables for combination_masks.yml
CREATE TABLE employees (id INTEGER PRIMARY KEY, first_name VARCHAR(40), full_name VARCHAR(100), initials VARCHAR(2), username VARCHAR(20));
INSERT INTO employees VALUES (1, 'Aroha', 'Aroha Ngata', 'AN', 'angata');
INSERT INTO employees VALUES (2, 'Ben', 'Ben Smith', 'BS', 'bsmith');
INSERT INTO employees VALUES (3, 'Chloe', 'Chloe Brown', 'CB', 'cbrown');
