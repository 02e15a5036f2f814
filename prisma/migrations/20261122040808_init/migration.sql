-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "country" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Alias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "nameFolded" TEXT NOT NULL,
    "script" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" INTEGER,
    "organisationId" INTEGER,
    CONSTRAINT "Alias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Alias_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LegalProvision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Case_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Case_lastEventId_fkey" FOREIGN KEY ("lastEventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseRelation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromCaseId" INTEGER NOT NULL,
    "toCaseId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CaseRelation_fromCaseId_fkey" FOREIGN KEY ("fromCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CaseRelation_toCaseId_fkey" FOREIGN KEY ("toCaseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Party" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "Charge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "Citation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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

-- CreateTable
CREATE TABLE "Conflict" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "eventId" INTEGER,
    "subject" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Conflict_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conflict_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConflictVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "conflictId" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "preferred" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ConflictVersion_conflictId_fkey" FOREIGN KEY ("conflictId") REFERENCES "Conflict" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entity" TEXT NOT NULL,
    "oldSlug" TEXT NOT NULL,
    "targetId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE INDEX "Person_nameFolded_idx" ON "Person"("nameFolded");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE INDEX "Organisation_nameFolded_idx" ON "Organisation"("nameFolded");

-- CreateIndex
CREATE INDEX "Alias_nameFolded_idx" ON "Alias"("nameFolded");

-- CreateIndex
CREATE UNIQUE INDEX "Alias_personId_name_key" ON "Alias"("personId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Alias_organisationId_name_key" ON "Alias"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "LegalProvision_slug_key" ON "LegalProvision"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "LegalProvision_jurisdiction_code_article_part_key" ON "LegalProvision"("jurisdiction", "code", "article", "part");

-- CreateIndex
CREATE UNIQUE INDEX "Case_slug_key" ON "Case"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Case_lastEventId_key" ON "Case"("lastEventId");

-- CreateIndex
CREATE INDEX "Case_publishedAt_lastEventAt_id_idx" ON "Case"("publishedAt", "lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Case_status_lastEventAt_id_idx" ON "Case"("status", "lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Case_kind_lastEventAt_id_idx" ON "Case"("kind", "lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Case_jurisdiction_lastEventAt_id_idx" ON "Case"("jurisdiction", "lastEventAt", "id");

-- CreateIndex
CREATE INDEX "Case_firstYear_lastYear_idx" ON "Case"("firstYear", "lastYear");

-- CreateIndex
CREATE INDEX "Case_openedAt_id_idx" ON "Case"("openedAt", "id");

-- CreateIndex
CREATE INDEX "Case_title_id_idx" ON "Case"("title", "id");

-- CreateIndex
CREATE INDEX "CaseRelation_toCaseId_idx" ON "CaseRelation"("toCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseRelation_fromCaseId_toCaseId_kind_key" ON "CaseRelation"("fromCaseId", "toCaseId", "kind");

-- CreateIndex
CREATE INDEX "Party_caseId_role_idx" ON "Party"("caseId", "role");

-- CreateIndex
CREATE INDEX "Party_personId_caseId_idx" ON "Party"("personId", "caseId");

-- CreateIndex
CREATE INDEX "Party_organisationId_caseId_idx" ON "Party"("organisationId", "caseId");

-- CreateIndex
CREATE INDEX "Charge_caseId_idx" ON "Charge"("caseId");

-- CreateIndex
CREATE INDEX "Charge_provisionId_caseId_idx" ON "Charge"("provisionId", "caseId");

-- CreateIndex
CREATE INDEX "Charge_partyId_idx" ON "Charge"("partyId");

-- CreateIndex
CREATE INDEX "Event_caseId_occurredAt_idx" ON "Event"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_personId_occurredAt_idx" ON "Event"("personId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");

-- CreateIndex
CREATE INDEX "Source_publishedAt_idx" ON "Source"("publishedAt");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_caseId_idx" ON "Citation"("caseId");

-- CreateIndex
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");

-- CreateIndex
CREATE INDEX "Citation_chargeId_idx" ON "Citation"("chargeId");

-- CreateIndex
CREATE INDEX "Citation_partyId_idx" ON "Citation"("partyId");

-- CreateIndex
CREATE INDEX "Citation_personId_idx" ON "Citation"("personId");

-- CreateIndex
CREATE INDEX "Citation_organisationId_idx" ON "Citation"("organisationId");

-- CreateIndex
CREATE INDEX "Citation_provisionId_idx" ON "Citation"("provisionId");

-- CreateIndex
CREATE INDEX "Citation_conflictVersionId_idx" ON "Citation"("conflictVersionId");

-- CreateIndex
CREATE INDEX "Conflict_caseId_idx" ON "Conflict"("caseId");

-- CreateIndex
CREATE INDEX "ConflictVersion_conflictId_idx" ON "ConflictVersion"("conflictId");

-- CreateIndex
CREATE UNIQUE INDEX "SlugRedirect_entity_oldSlug_key" ON "SlugRedirect"("entity", "oldSlug");
