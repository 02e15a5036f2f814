-- DropIndex
DROP INDEX "Case_kind_lastEventAt_id_idx";

-- CreateIndex
CREATE INDEX "Case_kind_lastEventAt_id_publishedAt_idx" ON "Case"("kind", "lastEventAt", "id", "publishedAt");

-- CreateIndex
CREATE INDEX "Case_sentenceKinds_publishedAt_idx" ON "Case"("sentenceKinds", "publishedAt");
