// RFC 6238 TOTP with node:crypto, to answer the app's two-factor prompt in tests.
import { createHmac } from 'node:crypto'

function base32Decode(input: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const char of input.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(char)
    if (index < 0) throw new Error(`Not base32: ${char}`)
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

export function totp(secret: string, opts: { at?: number; period?: number; digits?: number; algorithm?: string } = {}): string {
  const period = opts.period ?? 30
  const digits = opts.digits ?? 6
  const counter = Math.floor((opts.at ?? Date.now()) / 1000 / period)
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const hmac = createHmac((opts.algorithm ?? 'SHA1').toLowerCase().replace('-', ''), base32Decode(secret))
    .update(message)
    .digest()
  const offset = hmac[hmac.length - 1]! & 0x0f
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits
  return code.toString().padStart(digits, '0')
}

/** The current 30-second window's number. */
export const totpWindow = (at = Date.now()) => Math.floor(at / 30_000)
