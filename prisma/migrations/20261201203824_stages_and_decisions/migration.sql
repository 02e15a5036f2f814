-- Stages of a proceeding and per-defendant decisions with structured sentences.
-- Party.sentence (free text) is dropped: each one is first moved to a decision of a
-- first-instance stage, with its citations, so nothing said or cited is lost. The
-- editor then fills in the stage's court and date and the sentence's kind and length.
-- CreateTable
CREATE TABLE "Stage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "courtId" INTEGER,
    "courtName" TEXT NOT NULL DEFAULT '',
    "decidedAt" DATETIME,
    "decidedPrecision" TEXT,
    "decidedApprox" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Stage_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Stage_courtId_fkey" FOREIGN KEY ("courtId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StageDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "sentenceKind" TEXT,
    "sentenceMonths" INTEGER,
    "fineAmount" INTEGER,
    "fineCurrency" TEXT,
    "activityBanMonths" INTEGER,
    "deportation" BOOLEAN NOT NULL DEFAULT false,
    "sentenceNote" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "StageDecision_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StageDecision_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StageDecision_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "authorityId" INTEGER,
    "caseNumber" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "openedAt" DATETIME,
    "openedPrecision" TEXT,
    "openedApprox" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    "closedPrecision" TEXT,
    "closedApprox" BOOLEAN NOT NULL DEFAULT false,
    "statusOverride" TEXT,
    "statusOverrideAt" DATETIME,
    "statusOverridePrecision" TEXT,
    "statusOverrideApprox" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "statusAt" DATETIME,
    "statusPrecision" TEXT,
    "statusApprox" BOOLEAN NOT NULL DEFAULT false,
    "lastEventId" INTEGER,
    "lastEventAt" DATETIME,
    "firstYear" INTEGER,
    "lastYear" INTEGER,
    "sentenceKinds" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Case_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_lastEventId_fkey" FOREIGN KEY ("lastEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("authorityId", "caseNumber", "closedApprox", "closedAt", "closedPrecision", "createdAt", "deletedAt", "firstYear", "id", "jurisdiction", "kind", "lastEventAt", "lastEventId", "lastYear", "openedApprox", "openedAt", "openedPrecision", "publishedAt", "slug", "status", "statusApprox", "statusAt", "statusOverride", "statusOverrideApprox", "statusOverrideAt", "statusOverridePrecision", "statusPrecision", "summary", "title", "updatedAt", "version", "withdrawnAt") SELECT "authorityId", "caseNumber", "closedApprox", "closedAt", "closedPrecision", "createdAt", "deletedAt", "firstYear", "id", "jurisdiction", "kind", "lastEventAt", "lastEventId", "lastYear", "openedApprox", "openedAt", "openedPrecision", "publishedAt", "slug", "status", "statusApprox", "statusAt", "statusOverride", "statusOverrideApprox", "statusOverrideAt", "statusOverridePrecision", "statusPrecision", "summary", "title", "updatedAt", "version", "withdrawnAt" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_slug_key" ON "Case"("slug");
CREATE UNIQUE INDEX "Case_lastEventId_key" ON "Case"("lastEventId");
CREATE INDEX "Case_lastEventAt_id_publishedAt_idx" ON "Case"("lastEventAt", "id", "publishedAt");
CREATE INDEX "Case_status_lastEventAt_id_firstYear_lastYear_publishedAt_idx" ON "Case"("status", "lastEventAt", "id", "firstYear", "lastYear", "publishedAt");
CREATE INDEX "Case_kind_lastEventAt_id_idx" ON "Case"("kind", "lastEventAt", "id");
CREATE INDEX "Case_jurisdiction_lastEventAt_id_publishedAt_idx" ON "Case"("jurisdiction", "lastEventAt", "id", "publishedAt");
CREATE INDEX "Case_firstYear_lastYear_idx" ON "Case"("firstYear", "lastYear");
CREATE INDEX "Case_openedAt_id_idx" ON "Case"("openedAt", "id");
CREATE INDEX "Case_title_id_idx" ON "Case"("title", "id");
CREATE TABLE "new_Citation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "locator" TEXT NOT NULL DEFAULT '',
    "field" TEXT,
    "caseId" INTEGER,
    "eventId" INTEGER,
    "chargeId" INTEGER,
    "partyId" INTEGER,
    "personId" INTEGER,
    "organisationId" INTEGER,
    "provisionId" INTEGER,
    "conflictVersionId" INTEGER,
    "stageId" INTEGER,
    "decisionId" INTEGER,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "Charge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "LegalProvision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_conflictVersionId_fkey" FOREIGN KEY ("conflictVersionId") REFERENCES "ConflictVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "StageDecision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("caseId", "chargeId", "conflictVersionId", "eventId", "field", "id", "locator", "organisationId", "partyId", "personId", "provisionId", "quote", "sourceId", "version") SELECT "caseId", "chargeId", "conflictVersionId", "eventId", "field", "id", "locator", "organisationId", "partyId", "personId", "provisionId", "quote", "sourceId", "version" FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");
CREATE INDEX "Citation_caseId_idx" ON "Citation"("caseId");
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");
CREATE INDEX "Citation_chargeId_idx" ON "Citation"("chargeId");
CREATE INDEX "Citation_partyId_idx" ON "Citation"("partyId");
CREATE INDEX "Citation_personId_idx" ON "Citation"("personId");
CREATE INDEX "Citation_organisationId_idx" ON "Citation"("organisationId");
CREATE INDEX "Citation_provisionId_idx" ON "Citation"("provisionId");
CREATE INDEX "Citation_conflictVersionId_idx" ON "Citation"("conflictVersionId");
CREATE INDEX "Citation_stageId_idx" ON "Citation"("stageId");
CREATE INDEX "Citation_decisionId_idx" ON "Citation"("decisionId");
-- Move the free-text sentences before Party loses its column. The stage's note stays
-- empty: readers see notes, and these stages carry no citation of their own.
INSERT INTO "Stage" ("caseId", "kind", "note")
  SELECT DISTINCT "caseId", 'FIRST_INSTANCE', ''
  FROM "Party" WHERE "sentence" IS NOT NULL AND "sentence" <> '';
INSERT INTO "StageDecision" ("caseId", "stageId", "partyId", "decision", "sentenceNote")
  SELECT p."caseId",
         (SELECT MIN(s."id") FROM "Stage" s WHERE s."caseId" = p."caseId"),
         p."id",
         CASE WHEN EXISTS (SELECT 1 FROM "Charge" c WHERE c."partyId" = p."id" AND c."disposition" = 'PLEA_DEAL') THEN 'PLEA_DEAL' ELSE 'CONVICTED' END,
         p."sentence"
  FROM "Party" p WHERE p."sentence" IS NOT NULL AND p."sentence" <> '';
UPDATE "Citation"
  SET "decisionId" = (SELECT d."id" FROM "StageDecision" d WHERE d."partyId" = "Citation"."partyId"), "partyId" = NULL, "field" = NULL
  WHERE "field" = 'sentence' AND "partyId" IN (SELECT "partyId" FROM "StageDecision");
CREATE TABLE "new_Party" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER NOT NULL,
    "personId" INTEGER,
    "organisationId" INTEGER,
    "role" TEXT NOT NULL,
    "outcome" TEXT,
    "situation" TEXT,
    "situationAt" DATETIME,
    "situationPrecision" TEXT,
    "situationApprox" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Party_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Party_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Party_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Party" ("caseId", "id", "note", "organisationId", "outcome", "personId", "role", "situation", "situationApprox", "situationAt", "situationPrecision", "version") SELECT "caseId", "id", "note", "organisationId", "outcome", "personId", "role", "situation", "situationApprox", "situationAt", "situationPrecision", "version" FROM "Party";
DROP TABLE "Party";
ALTER TABLE "new_Party" RENAME TO "Party";
CREATE INDEX "Party_caseId_role_idx" ON "Party"("caseId", "role");
CREATE INDEX "Party_personId_caseId_idx" ON "Party"("personId", "caseId");
CREATE INDEX "Party_organisationId_caseId_idx" ON "Party"("organisationId", "caseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Stage_caseId_idx" ON "Stage"("caseId");

-- CreateIndex
CREATE INDEX "Stage_courtId_idx" ON "Stage"("courtId");

-- CreateIndex
CREATE INDEX "StageDecision_caseId_idx" ON "StageDecision"("caseId");

-- CreateIndex
CREATE INDEX "StageDecision_partyId_idx" ON "StageDecision"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "StageDecision_stageId_partyId_key" ON "StageDecision"("stageId", "partyId");
