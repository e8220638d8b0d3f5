import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/build-test-app'

const fileWith = (content: unknown) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'uh-holidays-')), 'holidays.json')
  writeFileSync(file, JSON.stringify(content))
  return file
}

describe('HOLIDAYS_FILE at start-up', () => {
  it('starts with a valid file and refuses to start with a bad one, saying why', async () => {
    // A test fixture in the notice's shape, not the State Council's 2027 calendar.
    const good = fileWith([
      {
        year: 2027,
        source: 'test fixture (not a published notice)',
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }],
        workdays: [],
      },
    ])
    const t = await buildTestApp({ env: { HOLIDAYS_FILE: good }, seed: false })
    expect((await t.request({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
    await t.close()

    const bad = fileWith([{ year: 2028, source: 'x', holidays: [], workdays: [] }])
    await expect(buildTestApp({ env: { HOLIDAYS_FILE: bad }, seed: false })).rejects.toThrow(
      /HOLIDAYS_FILE .*holidays/,
    )
  })
})
