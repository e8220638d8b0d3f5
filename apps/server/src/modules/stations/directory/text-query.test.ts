import { describe, expect, it } from 'vitest'
import { parseStationQuery } from './text-query'

describe('parseStationQuery place words', () => {
  // Real street and building names that begin with, or hold, a character that is filler
  // elsewhere ("和", "有", "能", "的", "与", "哪", "可"): they must reach the search whole.
  it.each([
    ['和平路', '和平路'],
    ['和政路', '和政路'],
    ['有色路', '有色路'],
    ['能源大厦', '能源大厦'],
    ['可可西里', '可可西里'],
    ['哪吒庙', '哪吒庙'],
    ['与海路', '与海路'],
    ['兰州市城关区和平路', '兰州市城关区和平路'],
    ['西固区有色路', '西固区有色路'],
    ['南山区能源大厦', '南山区能源大厦'],
    ['深圳市南山区和平路', '深圳市南山区和平路'],
    ['中和路', '中和路'],
    ['有色路 热饭', '有色路'],
    ['和平路附近', '和平路'],
    ['和平路在哪里', '和平路'],
    ['附近的和平路', '和平路'],
    ['哪里有和政路', '和政路'],
    ['能源大厦附近有厕所吗', '能源大厦'],
    ['和平路有厕所', '和平路'],
    ['有色路能热饭', '有色路'],
    ['和平路有没有热水', '和平路'],
    ['请问和平路', '和平路'],
    ['我想找能源大厦', '能源大厦'],
  ])('keeps %s as %s', (typed, text) => {
    expect(parseStationQuery(typed).text).toBe(text)
  })

  // The requests the filler words are for still leave only the place, or nothing.
  it.each([
    ['能热饭', null, ['microwave']],
    ['24小时有厕所', null, ['toilet']],
    ['龙岗 能热饭', '龙岗', ['microwave']],
    ['龙岗 充电', '龙岗', ['phone_charging']],
    ['坂田 能热饭 24小时', '坂田', ['microwave']],
    ['附近哪里有热水', null, ['drinking_water']],
    ['哪里可以充电', null, ['phone_charging']],
    ['热饭和厕所', null, ['microwave', 'toilet']],
    ['热饭、厕所', null, ['microwave', 'toilet']],
    ['热饭的地方', null, ['microwave']],
    ['有没有空调', null, ['air_conditioning']],
    ['坂田附近哪里能充电？', '坂田', ['phone_charging']],
    ['龙岗和热水', '龙岗', ['drinking_water']],
    ['能热饭的驿站', '驿站', ['microwave']],
    ['我要找厕所', null, ['toilet']],
    ['和', null, []],
    ['  ', null, []],
  ])('reads %s as text %s', (typed, text, amenities) => {
    const q = parseStationQuery(typed)
    expect(q.text).toBe(text)
    expect([...q.amenities].sort()).toEqual([...amenities].sort())
  })

  it('keeps two place words apart and lower-cases them', () => {
    expect(parseStationQuery('兰州  和平路').text).toBe('兰州 和平路')
    expect(parseStationQuery('Nanshan 能源大厦').text).toBe('nanshan 能源大厦')
  })
})
