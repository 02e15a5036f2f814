// Types for request-checks.mjs (plain JavaScript: the production server runs unbundled).
import type { IncomingMessage, ServerResponse } from 'node:http'

export declare const ALLOWED_METHODS: string[]
export declare function isActionId(value: unknown): boolean
export declare function isUndecodablePath(url?: string): boolean
export declare function isValidRouterStateTree(value: string): boolean
export declare function multipartBoundary(contentType?: string): string | null | undefined
export type SeenBody = { bytes: number; tail: Buffer }
export declare function watchBody(req: IncomingMessage): SeenBody
export declare function clientErrorForBody(seen: SeenBody, boundary: string | null | undefined): 413 | 400 | null
export declare function correctStatus(res: ServerResponse, correct: (status: number) => number): void
