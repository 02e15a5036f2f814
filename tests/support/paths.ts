import path from 'node:path'

export const TMP_DIR = path.join(import.meta.dirname, '..', '.tmp')
/** A migrated, empty database that every test database is copied from. */
export const TEMPLATE_DB = path.join(TMP_DIR, 'template.db')
