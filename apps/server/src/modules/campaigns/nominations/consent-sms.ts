/**
 * The text message that carries a consent link to the nominee. It names the campaign only,
 * never the nominator or anything else about the nominee: an SMS can be read by whoever holds
 * the phone, and a mistyped mobile reaches a stranger.
 */

export const CONSENT_SMS_LOCALES = ['zh-CN', 'en'] as const
export type ConsentSmsLocale = (typeof CONSENT_SMS_LOCALES)[number]

/** Re-sends are limited per nomination: the nominee is not to be flooded, nor the SMS bill. */
export const CONSENT_SMS_MIN_INTERVAL_MS = 60_000
export const CONSENT_SMS_DAILY_MAX = 5

const TEMPLATES: Record<ConsentSmsLocale, (campaignName: string, url: string) => string> = {
  'zh-CN': (campaignName, url) =>
    `【UnionHall】您被推荐参加「${campaignName}」。公开您的任何信息之前需要您本人同意，请打开链接查看并确认或拒绝：${url}`,
  en: (campaignName, url) =>
    `[UnionHall] You have been nominated for "${campaignName}". Nothing about you is published without your consent; open the link to review and consent or decline: ${url}`,
}

export const consentSmsText = (locale: ConsentSmsLocale, campaignName: string, url: string) =>
  TEMPLATES[locale](campaignName, url)

/** The absolute link for a message: the relative consent path on the site's public origin. */
export const absoluteUrl = (origin: string, path: string) => `${origin.replace(/\/+$/, '')}${path}`
