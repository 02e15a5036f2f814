-- A quote's English translation, when the source is in another language. Added in
-- place (the column goes last, as in the schema): the same statement on PostgreSQL.
ALTER TABLE "Citation" ADD COLUMN "translation" TEXT NOT NULL DEFAULT '';
