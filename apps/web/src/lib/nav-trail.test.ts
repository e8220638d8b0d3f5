import { afterEach, describe, expect, it } from 'vitest'
import { noteLocation, resetNavTrail, stepsBackTo } from './nav-trail'

/** Moves the browser to entry idx (as React Router's history does) and notes it. */
const at = (idx: number, path: string, action: 'PUSH' | 'REPLACE' | 'POP' = 'PUSH') => {
  window.history.replaceState({ idx }, '')
  noteLocation(path, action)
}
const signIn = (p: string) => p.startsWith('/m/')

describe('nav trail', () => {
  afterEach(() => {
    resetNavTrail()
    window.history.replaceState(null, '')
  })

  it('finds the page that asked for sign-in behind the sign-in pages', () => {
    at(0, '/c/1')
    at(1, '/c/1/vote')
    at(2, '/m/login?next=%2Fc%2F1%2Fvote')
    expect(stepsBackTo('/c/1/vote', signIn)).toBe(-1)
    at(3, '/m/register?next=%2Fc%2F1%2Fvote')
    expect(stepsBackTo('/c/1/vote', signIn)).toBe(-2)
  })

  it('answers null when another page lies between, or the page is not in the trail', () => {
    at(0, '/c/1/vote')
    at(1, '/s/map')
    at(2, '/m/login')
    expect(stepsBackTo('/c/1/vote', signIn)).toBeNull()
    expect(stepsBackTo('/w/2', signIn)).toBeNull()
  })

  it('opened straight on the sign-in page (a shared link): nothing to go back to', () => {
    at(0, '/m/login?next=%2Fc%2F1')
    expect(stepsBackTo('/c/1', signIn)).toBeNull()
  })

  it('follows Back and Forward, and forgets the entries a new push replaces', () => {
    at(0, '/c/1')
    at(1, '/c/1/vote')
    at(2, '/s/map')
    at(1, '/c/1/vote', 'POP')
    at(2, '/m/login', 'PUSH') // replaces /s/map
    expect(stepsBackTo('/c/1/vote', signIn)).toBe(-1)
  })

  it('does nothing without React Router history state', () => {
    window.history.replaceState(null, '')
    noteLocation('/c/1', 'PUSH')
    expect(stepsBackTo('/c/1', signIn)).toBeNull()
  })
})
