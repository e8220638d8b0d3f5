import { describe, expect, it } from 'vitest'
import { redactUrl, requestLogSerializer } from './log-redaction'

describe('redactUrl', () => {
  it('masks mobiles and ID-card numbers in paths and queries', () => {
    expect(redactUrl('/api/v1/members/?q=13800000001&page=2')).toBe(
      '/api/v1/members/?q=138****0001&page=2',
    )
    expect(redactUrl('/api/v1/members?q=11010119900307123X')).toBe(
      '/api/v1/members?q=110***********123X',
    )
  })

  it('drops tokens and signatures but keeps the UUIDs an operator follows', () => {
    const id = '01a2301e-9b93-7c4a-8d1e-0123456789ab'
    expect(
      redactUrl(`/api/v1/public/shift-feeds/${id}.Br5VuSWq8fJ2kLmN0pQrStUvWxYz12345678AbCdEfG.ics`),
    ).toBe(`/api/v1/public/shift-feeds/${id}.[redacted].ics`)
    expect(redactUrl(`/api/v1/campaigns/${id}/nominations/${id}`)).toBe(
      `/api/v1/campaigns/${id}/nominations/${id}`,
    )
  })

  it('leaves ordinary URLs as they are', () => {
    for (const url of ['/api/v1/noop', '/api/v1/public/stations/nearest?lat=22.72&lng=114.25', '/'])
      expect(redactUrl(url)).toBe(url)
    // A 12-digit number is no mobile.
    expect(redactUrl('/x?n=138000000012')).toBe('/x?n=138000000012')
  })
})

describe('requestLogSerializer', () => {
  it('writes the fields Fastify logs, with the URL redacted', () => {
    expect(
      requestLogSerializer({
        method: 'GET',
        url: '/api/v1/members?q=13800000001',
        host: 'localhost',
        ip: '127.0.0.1',
        socket: { remotePort: 5000 },
      }),
    ).toEqual({
      method: 'GET',
      url: '/api/v1/members?q=138****0001',
      host: 'localhost',
      remoteAddress: '127.0.0.1',
      remotePort: 5000,
    })
  })
})
