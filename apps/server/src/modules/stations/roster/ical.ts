/**
 * A small iCalendar (RFC 5545) writer for shift feeds: one VCALENDAR of VEVENTs in UTC.
 * Written here instead of taking a dependency: the feed needs only a handful of properties,
 * and the rules that matter (CRLF, folding at 75 octets, text escaping) are short.
 */

export type IcalEvent = {
  /** Globally unique and stable across feed refreshes, so calendar apps update, not duplicate. */
  uid: string
  start: Date
  end: Date
  summary: string
  description?: string
  location?: string
  geo?: { lat: number; lng: number }
  lastModified?: Date
}

export type IcalCalendar = {
  prodId: string
  name: string
  /** DTSTAMP of every event: when this copy of the calendar was made. */
  stamp: Date
  events: readonly IcalEvent[]
}

const CRLF = '\r\n'
const MAX_OCTETS = 75

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma escaped; any newline as \n. */
export const escapeText = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/**
 * Folds a content line (RFC 5545 3.1): no line longer than 75 octets, continuation lines
 * start with one space. Cuts only between characters, never inside a UTF-8 sequence (a
 * Chinese character is 3 octets, an emoji 4).
 */
export const foldLine = (line: string): string => {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8')
    // Continuation lines carry a leading space, which counts towards their 75 octets.
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join(`${CRLF} `)
}

/** A UTC DATE-TIME: 20261129T174000Z. */
export const formatUtc = (d: Date): string =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')

const coord = (n: number) => String(Math.round(n * 1e6) / 1e6)

export const buildCalendar = (cal: IcalCalendar): string => {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    // Ask subscribing apps to refresh hourly (RFC 7986 and the older Apple/Google name).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ]
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${formatUtc(cal.stamp)}`,
      `DTSTART:${formatUtc(e.start)}`,
      `DTEND:${formatUtc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    )
    if (e.location !== undefined) lines.push(`LOCATION:${escapeText(e.location)}`)
    if (e.geo) lines.push(`GEO:${coord(e.geo.lat)};${coord(e.geo.lng)}`)
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
    if (e.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`)
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}
