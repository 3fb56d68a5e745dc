-- Tables for unique_masks.yml
CREATE TABLE members (id INTEGER PRIMARY KEY, member_code VARCHAR(12), badge VARCHAR(8), legacy_code VARCHAR(10), device_id VARCHAR(38), ird_number VARCHAR(11));
INSERT INTO members VALUES (1, 'MB-0001-A', 'B12', 'L1', '0f8fad5b-d9cb-469f-a165-70867728950e', '49-091-850');
INSERT INTO members VALUES (2, 'MB-0002-B', 'B13', 'L2', '7c9e6679-7425-40de-944b-e07fc1f90ae7', '35-901-981');
INSERT INTO members VALUES (3, 'MB-0003-C', 'C07', 'L3', 'A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D', '49-098-576');
INSERT INTO members VALUES (4, 'MB-0004-D', 'D99', 'X9', '{b3a2c1d0-1234-4abc-9def-0123456789ab}', '136-410-132');
INSERT INTO members VALUES (5, 'MB-0005-E', 'E00', 'Y0', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', '12345678');
