-- Tables for generic_masks.yml
CREATE TABLE contacts (id INTEGER PRIMARY KEY, title VARCHAR(5), display_name VARCHAR(40), nickname VARCHAR(40), first_name VARCHAR(60), gender VARCHAR(10), avatar {binary}, reference VARCHAR(20), colour VARCHAR(10), postcode VARCHAR(8), country VARCHAR(2), profile VARCHAR(200), contact_email VARCHAR(60));
INSERT INTO contacts VALUES (1, 'Mr', 'Big Al', 'Al', 'Alan', 'male', {hex:00ff10}, 'R1', 'red', '1010', 'NZ', '{"contact": {"email": "one@x.test"}}', 'old1@x.test');
INSERT INTO contacts VALUES (2, 'Ms', 'Bee', 'Bea', 'Beatrice', 'female', {hex:4142}, 'R2', 'blue', '6011', 'NZ', '{"contact": {"email": "two@x.test"}}', 'old2@x.test');
INSERT INTO contacts VALUES (3, 'Dr', 'Cee', 'Cyd', 'Cyril', 'male', NULL, 'R3', 'green', '8011', 'NZ', '{"contact": {}}', 'old3@x.test');
INSERT INTO contacts VALUES (4, 'Mr', 'Dee', 'Dom', 'Dominic', 'male', NULL, 'R4', 'red', '9016', 'NZ', '{"contact": {"email": "four@x.test"}}', 'old4@x.test');
INSERT INTO contacts VALUES (5, 'Ms', 'Eee', 'Evie', 'Evelyn', 'female', NULL, 'R5', 'blue', '2000', 'AU', '{"contact": {"email": "five@x.test"}}', 'old5@x.test');
INSERT INTO contacts VALUES (6, 'Ms', 'Eff', 'Fi', 'Fiona', 'female', NULL, 'R6', 'green', '3000', 'AU', '{"contact": {"email": "six@x.test"}}', 'old6@x.test');
INSERT INTO contacts VALUES (7, 'Mr', 'Gee', 'Gus', 'Angus', 'male', NULL, 'R7', 'red', '4000', 'AU', '{"contact": {"email": "seven@x.test"}}', 'old7@x.test');
INSERT INTO contacts VALUES (8, 'Mr', 'Aych', 'Hal', 'Harold', 'male', NULL, 'R8', 'blue', '5000', 'AU', '{"contact": {"email": "eight@x.test"}}', 'old8@x.test');
