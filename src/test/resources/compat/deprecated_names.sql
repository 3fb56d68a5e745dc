-- Tables for deprecated_names.yml
CREATE TABLE vehicles (id INTEGER PRIMARY KEY, plate VARCHAR(10), make VARCHAR(20));
INSERT INTO vehicles VALUES (1, 'BZF123', 'Toyota');
INSERT INTO vehicles VALUES (2, 'LMA191', 'Mazda');
INSERT INTO vehicles VALUES (3, 'QRS456', 'Ford');
