-- Tables for build_temp_table_serial_parallel.yml
CREATE TABLE branches (id INTEGER PRIMARY KEY, name VARCHAR(80), opened DATE);
INSERT INTO branches VALUES (1, 'Central', DATE '2001-01-01');
INSERT INTO branches VALUES (2, 'Harbour', DATE '2002-02-02');
INSERT INTO branches VALUES (3, 'Airport', DATE '2003-03-03');
CREATE TABLE managers (id INTEGER PRIMARY KEY, name VARCHAR(60), phone VARCHAR(20));
INSERT INTO managers VALUES (1, 'Ngata', '07 555 0001');
INSERT INTO managers VALUES (2, 'Walker', '07 555 0002');
CREATE TABLE deputies (id INTEGER PRIMARY KEY, name VARCHAR(60), phone VARCHAR(20));
INSERT INTO deputies VALUES (1, 'Parata', '07 555 0101');
INSERT INTO deputies VALUES (2, 'Rewi', '07 555 0102');
