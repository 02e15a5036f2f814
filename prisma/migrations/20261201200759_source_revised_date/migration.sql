-- The date a source says it was updated, as precise as it says (a partial date, like
-- the publication date). Added columns only: existing rows keep every value and have
-- no update date.
ALTER TABLE "Source" ADD COLUMN "revisedAt" DATETIME;
ALTER TABLE "Source" ADD COLUMN "revisedPrecision" TEXT;
ALTER TABLE "Source" ADD COLUMN "revisedApprox" BOOLEAN NOT NULL DEFAULT false;
