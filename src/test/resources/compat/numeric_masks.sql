-- Tables for numeric_masks.yml
CREATE TABLE measurements (id INTEGER PRIMARY KEY, quantity INTEGER, street_number INTEGER, price DECIMAL(8,2), enabled BOOLEAN, age INTEGER);
INSERT INTO measurements VALUES (1, 5, 12, 10.00, TRUE, 4);
INSERT INTO measurements VALUES (2, 7, 40, 20.10, FALSE, 17);
INSERT INTO measurements VALUES (3, 9, 7, 50.01, TRUE, 25);
INSERT INTO measurements VALUES (4, 11, 101, 80.99, FALSE, 44);
INSERT INTO measurements VALUES (5, 13, 3, 150.80, TRUE, 60);
INSERT INTO measurements VALUES (6, 15, 88, 199.50, FALSE, 70);
INSERT INTO measurements VALUES (7, 17, 9, 1.25, TRUE, 33);
INSERT INTO measurements VALUES (8, 19, 55, 2.50, FALSE, 90);
