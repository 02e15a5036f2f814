// Types for logger.mjs (plain JavaScript: the custom server imports it unbundled).
import type { DestinationStream, Logger } from 'pino'

export declare function createLogger(options?: { level?: string; destination?: DestinationStream }): Logger
export declare const logger: Logger
