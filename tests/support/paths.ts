import path from 'node:path'

/** Scratch space for test databases (git-ignored). */
export const TMP_ROOT = path.join(import.meta.dirname, '..', '.tmp')
/**
 * Vitest's own folder, emptied at the start of every unit run. Kept apart from the
 * e2e database (E2E_DIR) so that running the unit tests never deletes the file a
 * running e2e server reads.
 */
export const TMP_DIR = path.join(TMP_ROOT, 'unit')
/** A migrated, empty database that every test database is copied from. */
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')
/** The e2e suite's database: migrated and seeded by tests/e2e/prepare-db.ts. */
export const E2E_DIR = path.join(TMP_ROOT, 'e2e')
export const E2E_DB = path.join(E2E_DIR, 'e2e.db')
