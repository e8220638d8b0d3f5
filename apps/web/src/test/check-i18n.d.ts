declare module '*/scripts/check-i18n.mjs' {
  export const flattenKeys: (messages: object, prefix?: string) => string[]
  export const diffKeys: (byLocale: Record<string, object>) => Record<string, string[]>
}
