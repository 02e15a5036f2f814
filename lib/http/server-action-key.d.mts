// Types for server-action-key.mjs (plain JavaScript: next.config.ts loads it unbundled).
export declare function serverActionKey(input: { authSecret?: string; dataDir: string }): string | null
