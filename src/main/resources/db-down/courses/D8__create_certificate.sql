-- Down of db/courses/V8__create_certificate.sql: drops the certificates and the global index of their codes.
DROP TABLE certificate_code;
DROP TABLE certificate;
