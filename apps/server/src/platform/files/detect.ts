/**
 * Identifies an upload by its bytes, never by its name or the client's content type.
 */
export type DetectedKind = 'xlsx' | 'csv' | 'unknown'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

export const detectSpreadsheet = (bytes: Buffer): DetectedKind => {
  if (bytes.length >= 4 && ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    // An .xlsx is a zip whose entries include the workbook part; other zips are refused.
    return bytes.includes(Buffer.from('xl/workbook.xml')) ||
      bytes.includes(Buffer.from('[Content_Types].xml'))
      ? 'xlsx'
      : 'unknown'
  }
  if (bytes.length === 0 || bytes.includes(0)) return 'unknown'
  const text = bytes.toString('utf8')
  // Invalid UTF-8 decodes to U+FFFD; a CSV from Excel in GBK would, so it is refused with a clear code.
  if (text.includes('\uFFFD')) return 'unknown'
  return text.includes(',') || text.includes('\n') ? 'csv' : 'unknown'
}
