import { describe, expect, it } from 'vitest'
import { csvText } from './csv-text'

describe('csvText', () => {
  it('quotes a field, doubling quotes, so commas and quotes stay inside it', () => {
    expect(csvText('1号张三、2号李四')).toBe('"1号张三、2号李四"')
    expect(csvText('王"铁人",大庆')).toBe('"王""铁人"",大庆"')
  })

  it('makes a leading formula character inert', () => {
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvText('-1+1')).toBe('"\'-1+1"')
    expect(csvText('3号王-五')).toBe('"3号王-五"')
  })
})
