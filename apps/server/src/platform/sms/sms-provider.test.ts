import { describe, expect, it } from 'vitest'
import { createConsoleSmsProvider } from './sms-provider'

describe('console SMS provider', () => {
  it('logs the full mobile in development and a masked one when asked (production)', async () => {
    const dev: string[] = []
    await createConsoleSmsProvider((l) => dev.push(l)).send('13912345678', '验证码 123456')
    expect(dev).toEqual(['[sms:console] to 13912345678: 验证码 123456'])

    const prod: string[] = []
    const masked = createConsoleSmsProvider((l) => prod.push(l), { maskNumbers: true })
    await masked.send('13912345678', '验证码 654321')
    expect(prod).toEqual(['[sms:console] to 139****5678: 验证码 654321'])
    expect(prod.join()).not.toContain('13912345678')
    // The outbox (read by tests and the demo in process) keeps the real recipient.
    expect(masked.outbox.at(-1)).toMatchObject({ mobile: '13912345678' })
  })
})
