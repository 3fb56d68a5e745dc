-- Tables for guise_extensions.yml; login_audit is written by its run_sql task
-- not-checked: login_audit
CREATE TABLE logins (id INTEGER PRIMARY KEY, first_name VARCHAR(60), username VARCHAR(60), token VARCHAR(16), banner VARCHAR(40));
INSERT INTO logins VALUES (1, 'Rían', 'rian', 'aaaa', 'hello');
INSERT INTO logins VALUES (2, 'Zoë', 'zoe', 'bbbb', 'hello');
INSERT INTO logins VALUES (3, 'Jia Woei', 'jiawoei', 'cccc', 'hello');
CREATE TABLE login_audit (id INTEGER PRIMARY KEY, checked INTEGER);
INSERT INTO login_audit VALUES (1, 0);
