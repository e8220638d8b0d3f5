import { describe, expect, it } from 'vitest'
import { safeNext } from './lib-next'

describe('safeNext', () => {
  it('keeps a same-site path and refuses anything else', () => {
    expect(safeNext('/w/new?stationId=abc')).toBe('/w/new?stationId=abc')
    expect(safeNext(null)).toBe('/')
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext('//evil.example/')).toBe('/')
    expect(safeNext('w/new')).toBe('/')
  })
})
