-- Tables for quoted_identifiers.yml (double quotes become backticks on MariaDB)
CREATE TABLE "order" (id INTEGER NOT NULL, line INTEGER NOT NULL, "user" VARCHAR(60), total DECIMAL(10,2), PRIMARY KEY (id, line));
INSERT INTO "order" VALUES (1, 1, 'alice', 10.50);
INSERT INTO "order" VALUES (1, 2, 'alice', 3.25);
INSERT INTO "order" VALUES (2, 1, 'bob', 99.00);
INSERT INTO "order" VALUES (3, 1, 'carol', 12.00);
CREATE TABLE "compat_other"."Order Lines" ("LineId" INTEGER PRIMARY KEY, "Unit Price" DECIMAL(10,2), "Product Code" VARCHAR(20), qty INTEGER);
INSERT INTO "compat_other"."Order Lines" VALUES (1, 9.99, 'AB-1001', 2);
INSERT INTO "compat_other"."Order Lines" VALUES (2, 19.99, 'AB-1002', 1);
INSERT INTO "compat_other"."Order Lines" VALUES (3, 4.50, 'CD-2001', 7);
CREATE TABLE "compat_other"."Audit Log" (id INTEGER PRIMARY KEY, "say ""hi""" VARCHAR(20), "v1.2" VARCHAR(20), kept VARCHAR(20));
INSERT INTO "compat_other"."Audit Log" VALUES (1, 'hi there', 'alpha', 'k1');
INSERT INTO "compat_other"."Audit Log" VALUES (2, 'hi again', 'beta', 'k2');
INSERT INTO "compat_other"."Audit Log" VALUES (3, NULL, 'gamma', 'k3');
