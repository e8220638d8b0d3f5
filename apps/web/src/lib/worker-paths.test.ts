import { describe, expect, it } from 'vitest'
import { isWorkerPath } from './worker-paths'

describe('isWorkerPath', () => {
  it('takes the worker pages and their sign-in pages', () => {
    for (const p of [
      '/c/abc',
      '/consent/t0k',
      '/m',
      '/m/login',
      '/m/register',
      '/s',
      '/s/x',
      '/w',
      '/w/wall',
    ])
      expect(isWorkerPath(p), p).toBe(true)
  })

  it('leaves the console to the full app, including paths that only start with the letters', () => {
    for (const p of [
      '/',
      '/login',
      '/register',
      '/campaigns',
      '/stations',
      '/wishes',
      '/members',
      '/c',
      '/me',
      '/sx',
    ])
      expect(isWorkerPath(p), p).toBe(false)
  })
})
