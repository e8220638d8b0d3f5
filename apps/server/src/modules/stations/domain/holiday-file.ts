import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { HolidayYear } from './schedule'

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')

const HolidayYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(1).max(300),
    holidays: z
      .array(
        z
          .object({ name: z.string().trim().min(1).max(50), from: LocalDate, to: LocalDate })
          .strict(),
      )
      .min(1)
      .max(30),
    workdays: z.array(LocalDate).max(30),
  })
  .strict()

const HolidayFileSchema = z.array(HolidayYearSchema).min(1).max(20)

/**
 * Reads HOLIDAYS_FILE: a JSON array of years in the shape of cn-holidays.ts (year, source,
 * holidays as inclusive blocks, workdays). Throws with every problem and its place, so a bad
 * file stops the start rather than leaving stations with wrong hours.
 */
export const readHolidayFile = (file: string): HolidayYear[] => {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new Error(`HOLIDAYS_FILE ${file}: ${e instanceof Error ? e.message : String(e)}`)
  }
  const parsed = HolidayFileSchema.safeParse(data)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
      .join('; ')
    throw new Error(`HOLIDAYS_FILE ${file}: ${problems}`)
  }
  return parsed.data
}
