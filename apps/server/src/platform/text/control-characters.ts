/**
 * C0 control characters (NUL, ESC, backspace…; tab, line feed and carriage return are fine)
 * are refused in any text UnionHall stores: in requests (platform/http/control-characters.ts)
 * and in imported rows. PostgreSQL cannot store NUL in text at all (the insert fails, which
 * answered a 500 for bad input); the others are invisible on screen and make a name or an
 * address look like another one.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/** Deep enough for every body the API takes; anything deeper is walked no further. */
const MAX_DEPTH = 12

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}.${key}`)

/** The path of the first string (or object key) holding a control character, or null. */
export const controlCharacterAt = (value: unknown, path = '', depth = 0): string | null => {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : null
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterAt(value[i], join(path, i), depth + 1)
      if (found !== null) return found
    }
    return null
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const at = join(path, key)
    if (CONTROL_CHARACTER.test(key)) return at
    const found = controlCharacterAt((value as Record<string, unknown>)[key], at, depth + 1)
    if (found !== null) return found
  }
  return null
}

/** Whether a piece of text holds a control character other than tab and line breaks. */
export const hasControlCharacter = (text: string) => CONTROL_CHARACTER.test(text)

/** The row error of an import (the files are Chinese staff's; rows carry Chinese messages). */
export const CONTROL_CHARACTER_MESSAGE =
  '含有不可见的控制字符（例如 NUL），请在表格中删除后重新导入'
