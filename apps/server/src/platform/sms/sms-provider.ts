/** Sends one-time codes. Campaign voting verifies voters through it; production adds a real gateway. */
export type SmsProvider = {
  readonly name: string
  send: (mobile: string, text: string) => Promise<void>
}

/**
 * The development provider: prints the message to the log instead of sending it, and keeps
 * the last messages so that tests and the demo can read the code.
 */
export const createConsoleSmsProvider = (log: (line: string) => void) => {
  const outbox: { mobile: string; text: string; at: string }[] = []
  const provider: SmsProvider & { outbox: typeof outbox } = {
    name: 'console',
    outbox,
    send: (mobile, text) => {
      outbox.push({ mobile, text, at: new Date().toISOString() })
      if (outbox.length > 100) outbox.shift()
      log(`[sms:console] to ${mobile}: ${text}`)
      return Promise.resolve()
    },
  }
  return provider
}
