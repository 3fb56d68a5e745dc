-- Tables for transformation_masks.yml
-- unchanged: imports.batch
CREATE TABLE imports (id INTEGER PRIMARY KEY, received_text VARCHAR(10), amount_text VARCHAR(10), batch VARCHAR(10));
INSERT INTO imports VALUES (1, '01/02/2020', '12', 'B1');
INSERT INTO imports VALUES (2, '15/03/2021', '250', 'B1');
INSERT INTO imports VALUES (3, '30/11/2022', '7', 'B2');
