const BEIJING = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

const beijingParts = (iso: string) =>
  Object.fromEntries(BEIJING.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))

/**
 * "2027-01-02 09:00" in Beijing time, whatever the browser's zone. Every time the console shows
 * (audit entries, submissions, phase dates, station feeds) is a Beijing time to the people who
 * read it; a laptop set to another zone, or a test run in UTC, showed them eight hours off.
 */
export const formatDateTime = (iso: string | null | undefined) => {
  if (!iso) return ''
  const p = beijingParts(iso)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** The Beijing calendar day of an instant; a plain date ("2027-01-02") is shown as it is. */
export const formatDate = (iso: string | null | undefined) => {
  if (!iso) return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const p = beijingParts(iso)
  return `${p.year}-${p.month}-${p.day}`
}

/** The same as formatDateTime; kept for the campaign pages that named the zone explicitly. */
export const formatBeijingDateTime = formatDateTime
