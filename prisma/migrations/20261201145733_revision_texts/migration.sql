-- CreateTable
CREATE TABLE "RevisionText" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "text" TEXT NOT NULL
);
