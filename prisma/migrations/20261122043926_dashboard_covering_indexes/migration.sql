-- DropIndex
DROP INDEX "Case_jurisdiction_lastEventAt_id_idx";

-- DropIndex
DROP INDEX "Case_status_lastEventAt_id_idx";

-- DropIndex
DROP INDEX "Case_publishedAt_lastEventAt_id_idx";

-- CreateIndex
CREATE INDEX "Case_lastEventAt_id_publishedAt_idx" ON "Case"("lastEventAt", "id", "publishedAt");

-- CreateIndex
CREATE INDEX "Case_status_lastEventAt_id_firstYear_lastYear_publishedAt_idx" ON "Case"("status", "lastEventAt", "id", "firstYear", "lastYear", "publishedAt");

-- CreateIndex
CREATE INDEX "Case_jurisdiction_lastEventAt_id_publishedAt_idx" ON "Case"("jurisdiction", "lastEventAt", "id", "publishedAt");
