-- Tables for run_sql_and_truncate.yml; flags is written by its run_sql tasks
-- not-checked: flags
CREATE TABLE flags (id INTEGER PRIMARY KEY, state VARCHAR(20));
INSERT INTO flags VALUES (1, 'x');
CREATE TABLE session_tokens (id INTEGER PRIMARY KEY, token VARCHAR(40));
INSERT INTO session_tokens VALUES (1, 'tok-a');
INSERT INTO session_tokens VALUES (2, 'tok-b');
CREATE TABLE users (id INTEGER PRIMARY KEY, login VARCHAR(20), created DATE);
INSERT INTO users VALUES (1, 'alice', DATE '2020-01-01');
INSERT INTO users VALUES (2, 'bob', DATE '2020-01-02');
INSERT INTO users VALUES (3, 'carol', DATE '2020-01-03');
