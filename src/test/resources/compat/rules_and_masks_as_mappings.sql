-- Tables for rules_and_masks_as_mappings.yml
CREATE TABLE members (id INTEGER PRIMARY KEY, name VARCHAR(60), city VARCHAR(40), joined DATE);
INSERT INTO members VALUES (1, 'Ira', 'Auckland', DATE '2020-01-05');
INSERT INTO members VALUES (2, 'Jo', 'Wellington', DATE '2021-02-06');
INSERT INTO members VALUES (3, 'Kai', 'Christchurch', DATE '2022-03-07');
INSERT INTO members VALUES (4, 'Lu', 'Hamilton', DATE '2023-04-08');
CREATE TABLE guests (id INTEGER PRIMARY KEY, name VARCHAR(60), city VARCHAR(40));
INSERT INTO guests VALUES (1, 'Mo', 'Queenstown');
INSERT INTO guests VALUES (2, 'Ned', 'Invercargill');
INSERT INTO guests VALUES (3, 'Oli', 'Whangarei');
