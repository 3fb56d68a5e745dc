-- Tables for ruleset_libraries.yml
CREATE TABLE club_members (id INTEGER PRIMARY KEY, first_name VARCHAR(60), phone VARCHAR(20), email VARCHAR(60), town VARCHAR(20), tier VARCHAR(10), notes VARCHAR(100), secret_word VARCHAR(20), joined DATE);
INSERT INTO club_members VALUES (1, 'Ana', '06 555 0101', 'ana@mail.test', 'Wairoa', 'none', 'likes golf', 'tuatara', DATE '2020-01-01');
INSERT INTO club_members VALUES (2, 'Ben', '06 555 0102', 'ben@mail.test', 'Wairoa', 'none', 'late payer', 'kiwi', DATE '2020-02-02');
INSERT INTO club_members VALUES (3, 'Cy', '06 555 0103', 'cy@mail.test', 'Wairoa', 'none', NULL, 'weka', DATE '2020-03-03');
INSERT INTO club_members VALUES (4, 'Di', '06 555 0104', 'di@mail.test', 'Wairoa', 'none', 'vip', 'kea', DATE '2020-04-04');
CREATE TABLE loyalty_cards (id INTEGER PRIMARY KEY, card_holder VARCHAR(60), points INTEGER);
INSERT INTO loyalty_cards VALUES (1, 'Ana Ruiz', 10);
INSERT INTO loyalty_cards VALUES (2, 'Ben Ode', 20);
