-- CreateTable
CREATE TABLE "PageCacheEntry" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" BLOB NOT NULL,
    "size" INTEGER NOT NULL,
    "renderedAt" BIGINT NOT NULL,
    "lastUsedAt" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "PageCacheTag" (
    "tag" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    PRIMARY KEY ("tag", "key"),
    CONSTRAINT "PageCacheTag_key_fkey" FOREIGN KEY ("key") REFERENCES "PageCacheEntry" ("key") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PageCacheInvalidation" (
    "tag" TEXT NOT NULL PRIMARY KEY,
    "invalidatedAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "PageCacheEntry_lastUsedAt_idx" ON "PageCacheEntry"("lastUsedAt");

-- CreateIndex
CREATE INDEX "PageCacheTag_key_idx" ON "PageCacheTag"("key");
