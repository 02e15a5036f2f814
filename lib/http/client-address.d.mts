// Types for client-address.mjs (plain JavaScript: the custom server imports it unbundled).
import type { IncomingMessage } from 'node:http'

export declare const CLIENT_ADDRESS_HEADER: string
export declare function trustProxyFromEnv(value: string | undefined): boolean
export declare function clientAddress(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trustProxy: boolean }): string | null
export declare function stampClientAddress(req: IncomingMessage, trustProxy: boolean): string | null
export declare function markClientAddressesStamped(): void
export declare function stampedClientAddress(headers: { get(name: string): string | null }): string | null
