/** Sends one-time codes. Campaign voting verifies voters through it; production adds a real gateway. */
export type SmsProvider = {
  readonly name: string
  send: (mobile: string, text: string) => Promise<void>
}

/** 138****5678: enough to tell messages apart in a log, not to recover the number. */
const maskMobile = (mobile: string) =>
  mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****'

/**
 * The development provider: prints the message to the log instead of sending it, and keeps
 * the last messages so that tests and the demo can read the code. With `maskNumbers` (set in
 * production, where a real gateway belongs) the log shows masked mobiles only: phone numbers
 * are personal data and logs are read by more people than the member table.
 */
export const createConsoleSmsProvider = (
  log: (line: string) => void,
  options: { maskNumbers?: boolean } = {},
) => {
  const outbox: { mobile: string; text: string; at: string }[] = []
  const provider: SmsProvider & { outbox: typeof outbox } = {
    name: 'console',
    outbox,
    send: (mobile, text) => {
      outbox.push({ mobile, text, at: new Date().toISOString() })
      if (outbox.length > 100) outbox.shift()
      log(`[sms:console] to ${options.maskNumbers ? maskMobile(mobile) : mobile}: ${text}`)
      return Promise.resolve()
    },
  }
  return provider
}
