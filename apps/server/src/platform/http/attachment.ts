/** The content type of every .xlsx the API sends. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * A Content-Disposition for a download. Header values must be ASCII: an ASCII fallback name for
 * old clients, and the Chinese name (微心愿列表.xlsx) in filename* (RFC 6266).
 */
export const attachment = (asciiName: string, name: string) =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`
