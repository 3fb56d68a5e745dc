-- Tables for string_masks.yml
CREATE TABLE documents (id INTEGER PRIMARY KEY, licence VARCHAR(20), code_word VARCHAR(10), city VARCHAR(40), surname VARCHAR(40), account VARCHAR(20), memo VARCHAR(100), remark VARCHAR(100));
INSERT INTO documents VALUES (1, 'AB123c', 'falcon', 'auckland', 'Ngata', '12-3456-7890123', 'call 555-1234 today', 'the secret word');
INSERT INTO documents VALUES (2, 'CD456d', 'osprey', 'wellington', 'Smith', '12-3456-7890124', 'or 555-9876', 'no secrets here');
INSERT INTO documents VALUES (3, 'EF789e', 'kestrel', 'nelson', 'Brown', '12-3456-7890125', 'none', 'plain');
