import { CreateMemberBodySchema, LoginBodySchema } from '@unionhall/contracts'
import { describe, expect, it } from 'vitest'
import '../../test/setup'
import { i18n } from '../../lib/i18n'
import { compactValues, zodIssuesToFieldErrors } from './zod-form'

const t = i18n.getFixedT('zh-CN')
const tEn = i18n.getFixedT('en')

describe('zodIssuesToFieldErrors', () => {
  it('maps contract error codes to translated field errors', () => {
    const r = LoginBodySchema.safeParse({ mobile: '12345', password: 'x' })
    expect(r.success).toBe(false)
    if (r.success) return
    expect(zodIssuesToFieldErrors(t, r.error.issues)).toEqual([
      { name: ['mobile'], errors: ['请输入正确的 11 位手机号'] },
    ])
    expect(zodIssuesToFieldErrors(tEn, r.error.issues)[0]?.errors).toEqual([
      'Enter a valid 11-digit mobile number',
    ])
  })

  it('reports missing fields as required and keeps one message per field', () => {
    const r = LoginBodySchema.safeParse({})
    if (r.success) throw new Error('expected failure')
    const errors = zodIssuesToFieldErrors(t, r.error.issues)
    expect(errors.map((e) => e.name.join('.'))).toEqual(['mobile', 'password'])
    expect(errors.every((e) => e.errors.length === 1 && e.errors[0] === '此项为必填项')).toBe(true)
  })

  it('translates length limits and the ID-card check', () => {
    const r = CreateMemberBodySchema.safeParse({
      name: '张三',
      mobile: '13800000009',
      orgId: '01a2270b-7d6a-7c12-abf4-7ce3e28e9562',
      idCardNumber: '110101199003071234',
      password: 'short',
    })
    if (r.success) throw new Error('expected failure')
    const byField = Object.fromEntries(
      zodIssuesToFieldErrors(t, r.error.issues).map((e) => [e.name.join('.'), e.errors[0]]),
    )
    expect(byField).toEqual({ idCardNumber: '身份证号码不正确', password: '至少需要 8 个字符' })
  })

  it('treats cleared inputs as not given', () => {
    expect(compactValues({ a: '', b: 'x', c: undefined, d: null, e: 0 })).toEqual({ b: 'x', e: 0 })
  })
})
