import { describe, expect, it } from 'vitest'
import { buildCalendar, escapeText, foldLine, formatUtc } from './ical'

const octets = (s: string) => Buffer.byteLength(s, 'utf8')

/** Undoes folding (RFC 5545 3.1) and splits content lines into name, params and value. */
const parse = (ics: string) =>
  ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':')
      return { name: line.slice(0, colon), value: line.slice(colon + 1) }
    })

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and every kind of newline', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng')
  })
  it('leaves Chinese text and colons alone', () => {
    expect(escapeText('筑友驿站：值班')).toBe('筑友驿站：值班')
    expect(escapeText('a:b')).toBe('a:b')
  })
})

describe('foldLine', () => {
  it('keeps a line of 75 octets whole and folds the 76th', () => {
    const line75 = `SUMMARY:${'x'.repeat(67)}`
    expect(octets(line75)).toBe(75)
    expect(foldLine(line75)).toBe(line75)
    const folded = foldLine(`${line75}y`)
    expect(folded).toBe(`${line75}\r\n y`)
  })

  it('folds long ASCII lines into parts of at most 75 octets including the leading space', () => {
    const line = `DESCRIPTION:${'abcdefghij'.repeat(30)}`
    const parts = foldLine(line).split('\r\n')
    expect(parts.length).toBeGreaterThan(3)
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75)
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true)
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
  })

  it('never cuts inside a UTF-8 sequence (Chinese 3 octets, emoji 4)', () => {
    const line = `LOCATION:${'兰州市城关区筑友驿站🚧'.repeat(12)}`
    const parts = foldLine(line).split('\r\n')
    for (const p of parts) {
      expect(octets(p)).toBeLessThanOrEqual(75)
      // A cut inside a character would leave U+FFFD after a round trip through bytes.
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p)
      expect(p.includes('\uFFFD')).toBe(false)
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    // Packed tight: every part but the last leaves no room for one more 3-octet character.
    for (const p of parts.slice(0, -1)) expect(octets(p)).toBeGreaterThan(71)
  })
})

describe('buildCalendar', () => {
  const ics = buildCalendar({
    prodId: '-//UnionHall//Station roster//ZH',
    name: '我的值班',
    stamp: new Date('2026-11-29T17:40:12.345Z'),
    events: [
      {
        uid: 'shift-1@unionhall',
        start: new Date('2026-12-01T00:00:00.000Z'),
        end: new Date('2026-12-01T09:30:00.000Z'),
        summary: '筑友驿站 · 值班员',
        location: '兰州市城关区, 东岗西路 1 号; 北门',
        geo: { lat: 36.0611234567, lng: 103.8343 },
        description: '带好钥匙\n检查饮水机',
        lastModified: new Date('2026-11-28T08:00:00Z'),
      },
      {
        uid: 'shift-2@unionhall',
        start: new Date('2026-12-02T14:00:00Z'),
        end: new Date('2026-12-02T22:00:00Z'),
        summary: `${'很长的站点名称'.repeat(10)} · 党员志愿者`,
      },
    ],
  })

  it('ends every line with CRLF, bare LF nowhere', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '').includes('\n')).toBe(false)
    expect(ics.includes('\r\r')).toBe(false)
  })

  it('has no physical line over 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
  })

  it('nests one VEVENT per shift inside VCALENDAR with the required properties', () => {
    const lines = parse(ics)
    expect(lines[0]).toEqual({ name: 'BEGIN', value: 'VCALENDAR' })
    expect(lines.at(-1)).toEqual({ name: 'END', value: 'VCALENDAR' })
    expect(lines.find((l) => l.name === 'VERSION')?.value).toBe('2.0')
    expect(lines.find((l) => l.name === 'PRODID')?.value).toBe('-//UnionHall//Station roster//ZH')
    expect(lines.filter((l) => l.value === 'VEVENT').map((l) => l.name)).toEqual([
      'BEGIN',
      'END',
      'BEGIN',
      'END',
    ])
    const first = lines.slice(
      lines.findIndex((l) => l.value === 'VEVENT'),
      lines.findIndex((l) => l.name === 'END' && l.value === 'VEVENT') + 1,
    )
    const prop = (name: string) => first.find((l) => l.name === name)?.value
    expect(prop('UID')).toBe('shift-1@unionhall')
    expect(prop('DTSTAMP')).toBe('20261129T174012Z')
    expect(prop('DTSTART')).toBe('20261201T000000Z')
    expect(prop('DTEND')).toBe('20261201T093000Z')
    expect(prop('SUMMARY')).toBe('筑友驿站 · 值班员')
    expect(prop('LOCATION')).toBe('兰州市城关区\\, 东岗西路 1 号\\; 北门')
    expect(prop('GEO')).toBe('36.061123;103.8343')
    expect(prop('DESCRIPTION')).toBe('带好钥匙\\n检查饮水机')
    expect(prop('LAST-MODIFIED')).toBe('20261128T080000Z')
  })

  it('folds a long Chinese summary and unfolds to the original text', () => {
    const summary = parse(ics).filter((l) => l.name === 'SUMMARY')[1]!.value
    expect(summary).toBe(`${'很长的站点名称'.repeat(10)} · 党员志愿者`)
    expect(ics).toContain('\r\n ')
  })

  it('writes UTC times with Z and no milliseconds', () => {
    expect(formatUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z')
  })
})
