// The largest request body the app takes: the source intake posts a pasted article
// (up to 2 MB of HTML, lib/validation/sources.ts) and then its text in the source
// form. Next.js's server actions refuse more (next.config.ts); the server answers 413
// before reading a body whose Content-Length says it is larger (server/main.mjs).
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024
