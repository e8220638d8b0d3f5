import dayjs from 'dayjs'

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : ''

export const formatDate = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD') : ''

/**
 * "2027-01-02 09:00" in Beijing time, whatever the browser's zone: campaign times (a
 * nomination's submission, phase dates) are Beijing times to the people who read them.
 */
export const formatBeijingDateTime = (iso: string | null | undefined) => {
  if (!iso) return ''
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}
