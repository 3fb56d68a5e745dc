-- Tables for document_masks.yml
CREATE TABLE profiles (id INTEGER PRIMARY KEY, doc_json VARCHAR(400), doc_xml VARCHAR(400));
INSERT INTO profiles VALUES (1, '{"customer": {"name": "Ana", "phones": ["021 555 0101"], "nickname": null}}', '<customer id="C100"><email>ana@mail.test</email></customer>');
INSERT INTO profiles VALUES (2, '{"customer": {"name": "Ben", "phones": [], "nickname": "benny"}}', '<customer id="C200"><email>ben@mail.test</email></customer>');
INSERT INTO profiles VALUES (3, '{"customer": {"name": "Cy"}}', '<customer><email>cy@mail.test</email></customer>');
