-- Tables for where_and_skip.yml
CREATE TABLE accounts (id INTEGER PRIMARY KEY, role VARCHAR(10), username VARCHAR(30), email VARCHAR(60));
INSERT INTO accounts VALUES (1, 'admin', 'root', 'root@corp.test');
INSERT INTO accounts VALUES (2, 'user', 'ana', 'ana@corp.test');
INSERT INTO accounts VALUES (3, 'user', 'svc_backup', 'backup@corp.test');
INSERT INTO accounts VALUES (4, 'user', NULL, '');
INSERT INTO accounts VALUES (5, 'user', 'ben', 'ben@corp.test');
