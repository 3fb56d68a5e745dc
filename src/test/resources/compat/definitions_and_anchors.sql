-- Tables for definitions_and_anchors.yml
CREATE TABLE staff (id INTEGER PRIMARY KEY, name VARCHAR(40), notes VARCHAR(200), phone VARCHAR(20), mobile VARCHAR(20));
INSERT INTO staff VALUES (1, 'Ana', 'Prefers email', '09 555 1001', '021 100 001');
INSERT INTO staff VALUES (2, 'Bo', 'On leave in May', '09 555 1002', '021 100 002');
INSERT INTO staff VALUES (3, 'Cy', NULL, '09 555 1003', NULL);
INSERT INTO staff VALUES (4, 'Di', 'Night shifts', '09 555 1004', '021 100 004');
CREATE TABLE contractors (id INTEGER PRIMARY KEY, name VARCHAR(40), notes VARCHAR(200), phone VARCHAR(20), mobile VARCHAR(20));
INSERT INTO contractors VALUES (1, 'Ed', 'Invoices monthly', '04 555 2001', '022 200 001');
INSERT INTO contractors VALUES (2, 'Fi', 'Remote', '04 555 2002', '022 200 002');
INSERT INTO contractors VALUES (3, 'Gi', 'Badge 77', '04 555 2003', '022 200 003');
