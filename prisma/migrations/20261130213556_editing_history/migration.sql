-- CreateTable
CREATE TABLE "Revision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "caseId" INTEGER,
    "action" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "before" TEXT,
    "after" TEXT,
    "changed" TEXT NOT NULL DEFAULT '[]'
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Alias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "script" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" INTEGER,
    "organisationId" INTEGER,
    CONSTRAINT "Alias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alias_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Alias" ("id", "kind", "name", "nameFolded", "organisationId", "personId", "script") SELECT "id", "kind", "name", "nameFolded", "organisationId", "personId", "script" FROM "Alias";
DROP TABLE "Alias";
ALTER TABLE "new_Alias" RENAME TO "Alias";
CREATE INDEX "Alias_nameFolded_idx" ON "Alias"("nameFolded");
CREATE UNIQUE INDEX "Alias_personId_name_key" ON "Alias"("personId", "name");
CREATE UNIQUE INDEX "Alias_organisationId_name_key" ON "Alias"("organisationId", "name");
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
    "publishedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Case_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_lastEventId_fkey" FOREIGN KEY ("lastEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("authorityId", "caseNumber", "closedApprox", "closedAt", "closedPrecision", "createdAt", "firstYear", "id", "jurisdiction", "kind", "lastEventAt", "lastEventId", "lastYear", "openedApprox", "openedAt", "openedPrecision", "publishedAt", "slug", "status", "statusApprox", "statusAt", "statusOverride", "statusOverrideApprox", "statusOverrideAt", "statusOverridePrecision", "statusPrecision", "summary", "title", "updatedAt") SELECT "authorityId", "caseNumber", "closedApprox", "closedAt", "closedPrecision", "createdAt", "firstYear", "id", "jurisdiction", "kind", "lastEventAt", "lastEventId", "lastYear", "openedApprox", "openedAt", "openedPrecision", "publishedAt", "slug", "status", "statusApprox", "statusAt", "statusOverride", "statusOverrideApprox", "statusOverrideAt", "statusOverridePrecision", "statusPrecision", "summary", "title", "updatedAt" FROM "Case";
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
CREATE TABLE "new_CaseRelation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "fromCaseId" INTEGER NOT NULL,
    "toCaseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CaseRelation_fromCaseId_fkey" FOREIGN KEY ("fromCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseRelation_toCaseId_fkey" FOREIGN KEY ("toCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CaseRelation" ("fromCaseId", "id", "kind", "note", "toCaseId") SELECT "fromCaseId", "id", "kind", "note", "toCaseId" FROM "CaseRelation";
DROP TABLE "CaseRelation";
ALTER TABLE "new_CaseRelation" RENAME TO "CaseRelation";
CREATE INDEX "CaseRelation_toCaseId_idx" ON "CaseRelation"("toCaseId");
CREATE UNIQUE INDEX "CaseRelation_fromCaseId_toCaseId_kind_key" ON "CaseRelation"("fromCaseId", "toCaseId", "kind");
CREATE TABLE "new_Charge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER NOT NULL,
    "partyId" INTEGER NOT NULL,
    "provisionId" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "disposition" TEXT NOT NULL DEFAULT 'PENDING',
    "dispositionAt" DATETIME,
    "dispositionPrecision" TEXT,
    "dispositionApprox" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Charge_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Charge_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Charge_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "LegalProvision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Charge" ("caseId", "description", "disposition", "dispositionApprox", "dispositionAt", "dispositionPrecision", "id", "partyId", "provisionId") SELECT "caseId", "description", "disposition", "dispositionApprox", "dispositionAt", "dispositionPrecision", "id", "partyId", "provisionId" FROM "Charge";
DROP TABLE "Charge";
ALTER TABLE "new_Charge" RENAME TO "Charge";
CREATE INDEX "Charge_caseId_idx" ON "Charge"("caseId");
CREATE INDEX "Charge_provisionId_caseId_idx" ON "Charge"("provisionId", "caseId");
CREATE INDEX "Charge_partyId_idx" ON "Charge"("partyId");
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
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_chargeId_fkey" FOREIGN KEY ("chargeId") REFERENCES "Charge" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "Party" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "LegalProvision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_conflictVersionId_fkey" FOREIGN KEY ("conflictVersionId") REFERENCES "ConflictVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("caseId", "chargeId", "conflictVersionId", "eventId", "field", "id", "locator", "organisationId", "partyId", "personId", "provisionId", "quote", "sourceId") SELECT "caseId", "chargeId", "conflictVersionId", "eventId", "field", "id", "locator", "organisationId", "partyId", "personId", "provisionId", "quote", "sourceId" FROM "Citation";
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
CREATE TABLE "new_Conflict" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER NOT NULL,
    "eventId" INTEGER,
    "subject" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Conflict_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conflict_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conflict" ("caseId", "eventId", "id", "note", "subject") SELECT "caseId", "eventId", "id", "note", "subject" FROM "Conflict";
DROP TABLE "Conflict";
ALTER TABLE "new_Conflict" RENAME TO "Conflict";
CREATE INDEX "Conflict_caseId_idx" ON "Conflict"("caseId");
CREATE TABLE "new_ConflictVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "conflictId" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "preferred" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ConflictVersion_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "Conflict" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ConflictVersion" ("conflictId", "id", "position", "preferred", "statement") SELECT "conflictId", "id", "position", "preferred", "statement" FROM "ConflictVersion";
DROP TABLE "ConflictVersion";
ALTER TABLE "new_ConflictVersion" RENAME TO "ConflictVersion";
CREATE INDEX "ConflictVersion_conflictId_idx" ON "ConflictVersion"("conflictId");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER,
    "personId" INTEGER,
    "kind" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "precision" TEXT NOT NULL,
    "approx" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "statusAfter" TEXT,
    CONSTRAINT "Event_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("approx", "caseId", "description", "id", "kind", "occurredAt", "personId", "precision", "statusAfter", "title") SELECT "approx", "caseId", "description", "id", "kind", "occurredAt", "personId", "precision", "statusAfter", "title" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_caseId_occurredAt_idx" ON "Event"("caseId", "occurredAt");
CREATE INDEX "Event_personId_occurredAt_idx" ON "Event"("personId", "occurredAt");
CREATE TABLE "new_LegalProvision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "slug" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "article" TEXT NOT NULL,
    "part" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_LegalProvision" ("article", "code", "createdAt", "description", "id", "jurisdiction", "part", "slug", "title", "updatedAt") SELECT "article", "code", "createdAt", "description", "id", "jurisdiction", "part", "slug", "title", "updatedAt" FROM "LegalProvision";
DROP TABLE "LegalProvision";
ALTER TABLE "new_LegalProvision" RENAME TO "LegalProvision";
CREATE UNIQUE INDEX "LegalProvision_slug_key" ON "LegalProvision"("slug");
CREATE UNIQUE INDEX "LegalProvision_jurisdiction_code_article_part_key" ON "LegalProvision"("jurisdiction", "code", "article", "part");
CREATE TABLE "new_Organisation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "country" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Organisation" ("country", "createdAt", "description", "id", "kind", "name", "nameFolded", "slug", "updatedAt") SELECT "country", "createdAt", "description", "id", "kind", "name", "nameFolded", "slug", "updatedAt" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
CREATE INDEX "Organisation_nameFolded_idx" ON "Organisation"("nameFolded");
CREATE TABLE "new_Party" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "caseId" INTEGER NOT NULL,
    "personId" INTEGER,
    "organisationId" INTEGER,
    "role" TEXT NOT NULL,
    "outcome" TEXT,
    "sentence" TEXT,
    "situation" TEXT,
    "situationAt" DATETIME,
    "situationPrecision" TEXT,
    "situationApprox" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Party_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Party_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Party_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Party" ("caseId", "id", "note", "organisationId", "outcome", "personId", "role", "sentence", "situation", "situationApprox", "situationAt", "situationPrecision") SELECT "caseId", "id", "note", "organisationId", "outcome", "personId", "role", "sentence", "situation", "situationApprox", "situationAt", "situationPrecision" FROM "Party";
DROP TABLE "Party";
ALTER TABLE "new_Party" RENAME TO "Party";
CREATE INDEX "Party_caseId_role_idx" ON "Party"("caseId", "role");
CREATE INDEX "Party_personId_caseId_idx" ON "Party"("personId", "caseId");
CREATE INDEX "Party_organisationId_caseId_idx" ON "Party"("organisationId", "caseId");
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Person" ("createdAt", "description", "id", "name", "nameFolded", "slug", "updatedAt") SELECT "createdAt", "description", "id", "name", "nameFolded", "slug", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");
CREATE INDEX "Person_nameFolded_idx" ON "Person"("nameFolded");
CREATE TABLE "new_Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "authors" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "publishedPrecision" TEXT,
    "publishedApprox" BOOLEAN NOT NULL DEFAULT false,
    "publishedAsPrinted" TEXT,
    "dateNote" TEXT NOT NULL DEFAULT '',
    "accessedAt" DATETIME,
    "archiveUrl" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Source" ("accessedAt", "archiveUrl", "authors", "createdAt", "dateNote", "description", "id", "language", "publishedApprox", "publishedAsPrinted", "publishedAt", "publishedPrecision", "publisher", "text", "title", "updatedAt", "url") SELECT "accessedAt", "archiveUrl", "authors", "createdAt", "dateNote", "description", "id", "language", "publishedApprox", "publishedAsPrinted", "publishedAt", "publishedPrecision", "publisher", "text", "title", "updatedAt", "url" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");
CREATE INDEX "Source_publishedAt_idx" ON "Source"("publishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Revision_caseId_id_idx" ON "Revision"("caseId", "id");

-- CreateIndex
CREATE INDEX "Revision_at_idx" ON "Revision"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_entity_entityId_version_key" ON "Revision"("entity", "entityId", "version");
