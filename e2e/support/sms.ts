import { readFileSync, statSync } from 'node:fs'
import { inject } from 'vitest'

/**
 * One-time codes as the console SMS provider (NODE_ENV=development) prints them to the server
 * log, which the global setup appends to a file. Read like a worker reads their phone: only
 * messages sent after a mark, to one mobile. No route of the product exposes codes.
 */
const logPath = () => inject('serverLogPath')

/** The current end of the server log: pass it to `smsCodeSince` to skip older messages. */
export const serverLogMark = (): number => statSync(logPath()).size

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Waits for a code sent to `mobile` after `mark` and returns the newest one. */
export const smsCodeSince = async (mobile: string, mark: number, timeoutMs = 10_000) => {
  const line = new RegExp(`\\[sms:console\\] to ${escapeRe(mobile)}: [^"\\n]*?(\\d{6})`, 'g')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const text = readFileSync(logPath()).subarray(mark).toString('utf8')
    const codes = [...text.matchAll(line)].map((m) => m[1]!)
    if (codes.length > 0) return codes[codes.length - 1]!
    if (Date.now() > deadline)
      throw new Error(`no SMS code for ${mobile} in the server log within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
