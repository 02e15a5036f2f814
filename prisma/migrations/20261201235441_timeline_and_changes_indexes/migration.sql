-- CreateIndex
CREATE INDEX "Case_publishedAt_idx" ON "Case"("publishedAt");

-- CreateIndex
CREATE INDEX "Event_occurredAt_precision_idx" ON "Event"("occurredAt", "precision");
