/**
 * Characters UnionHall refuses in any text it stores, wherever the text comes from: requests
 * (platform/http/unstorable-text.ts) and imported rows.
 * - C0 controls (NUL, ESC, backspace…; tab, line feed and carriage return are fine). PostgreSQL
 *   cannot store NUL in text at all: the insert failed and answered a 500 for bad input. The
 *   others are invisible and make a name or an address look like another one.
 * - DEL and the C1 controls (U+007F–U+009F): invisible, never typed, and what a text decoded
 *   with the wrong code page leaves behind.
 * - The bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 *   they reorder what follows on screen, so a candidate's or a station's name could display as
 *   another text than the one stored and searched ("Trojan Source"). Chinese text never needs
 *   them; a mobile pasted from a phone's contacts can carry U+202D…U+202C, which the mobile
 *   fields strip before sending (normaliseMobileInput).
 * - U+FFFE and U+FFFF, and lone surrogates (JSON "\ud800"): XML 1.0 forbids them, so one wish
 *   title holding U+FFFF made every .xlsx export that included it unreadable, the audit log's
 *   export included, and the audit log is never rewritten. A lone surrogate also became U+FFFD
 *   in some columns and an escape that strict JSON readers refuse in the open-data files.
 */
// A high surrogate not followed by a low one, or a low one not after a high one.
const LONE_SURROGATE =
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]'
const FORBIDDEN =
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ufffe\\uffff]'
const UNSTORABLE = new RegExp(`${FORBIDDEN}|${LONE_SURROGATE}`)
const UNSTORABLE_ALL = new RegExp(`${FORBIDDEN}|${LONE_SURROGATE}`, 'g')

/** Whether a piece of text holds a character UnionHall does not store (see above). */
export const hasUnstorableCharacter = (text: string) => UNSTORABLE.test(text)

/** Deep enough for every body the API takes; anything deeper is walked no further. */
const MAX_DEPTH = 12

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`)

/** The path of the first string (or object key) holding an unstorable character, or null. */
export const unstorableTextAt = (value: unknown, path = '', depth = 0): string | null => {
  if (typeof value === 'string') return hasUnstorableCharacter(value) ? path : null
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableTextAt(value[i], join(path, i), depth + 1)
      if (found !== null) return found
    }
    return null
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const at = join(path, key)
    if (hasUnstorableCharacter(key)) return at
    const found = unstorableTextAt((value as Record<string, unknown>)[key], at, depth + 1)
    if (found !== null) return found
  }
  return null
}

/**
 * Text made safe for an XML file (.xlsx): each character XML 1.0 forbids becomes U+FFFD. New
 * text cannot hold them; rows stored before they were refused can, and an export must still open.
 */
export const xmlSafeText = (text: string) =>
  UNSTORABLE.test(text) ? text.replace(UNSTORABLE_ALL, '\ufffd') : text

/** The row error of an import (the files are Chinese staff's; rows carry Chinese messages). */
export const UNSTORABLE_TEXT_MESSAGE =
  '含有无法保存的字符（控制字符、文字方向控制符或乱码，例如 NUL），请在表格中删除后重新导入'
