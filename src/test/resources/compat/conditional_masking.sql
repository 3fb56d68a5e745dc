-- Tables for conditional_masking.yml
CREATE TABLE patients (id INTEGER PRIMARY KEY, status VARCHAR(10), email VARCHAR(60), age INTEGER, country VARCHAR(2), notes VARCHAR(100), nickname VARCHAR(30));
INSERT INTO patients VALUES (1, 'active', 'ana@mail.test', 34, 'NZ', 'n1', 'Ace');
INSERT INTO patients VALUES (2, 'inactive', 'ben@mail.test', 70, 'AU', 'n2', 'bear');
INSERT INTO patients VALUES (3, 'active', 'cy@mail.test', 12, 'US', 'n3', NULL);
INSERT INTO patients VALUES (4, 'closed', 'di@mail.test', 80, 'NZ', 'n4', 'Dot');
INSERT INTO patients VALUES (5, 'active', 'ed@mail.test', 45, 'AU', 'n5', 'Eel');
INSERT INTO patients VALUES (6, 'inactive', 'fi@mail.test', 16, 'GB', 'n6', 'fox');
