import type { Explanation } from '@unionhall/contracts'
import type { TFunction } from 'i18next'

/**
 * Variants of a code whose sentence depends on a parameter (an i18next context): a shortfall
 * with nominations still under review, a front-line share only front-line workers can meet.
 */
const contextOf = (e: Pick<Explanation, 'code' | 'params'>): string | undefined => {
  if (e.code === 'QUOTA_CATEGORY_SHORTFALL' && Number(e.params.pending) > 0) return 'pending'
  if (e.code === 'QUOTA_FRONT_LINE_SHARE' && e.params.missing === null) return 'all'
  return undefined
}

/**
 * One server explanation (quota problem, tie-break, quota swap) in the UI language, from
 * campaigns.explain.<code>; an unknown code falls back to the server's zh-CN sentence.
 */
export const explain = (t: TFunction, e: Pick<Explanation, 'code' | 'params' | 'message'>) =>
  t(`campaigns.explain.${e.code}`, {
    // A list joined the language's way: 「甲、乙」, "A, B".
    ...Object.fromEntries(
      Object.entries(e.params).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join(t('common.listSeparator')) : v,
      ]),
    ),
    context: contextOf(e),
    defaultValue: e.message,
  })

/** Several explanations as one line, joined the way the language joins clauses. */
export const explainAll = (
  t: TFunction,
  list: Pick<Explanation, 'code' | 'params' | 'message'>[],
) => list.map((e) => explain(t, e)).join(t('campaigns.explain.separator'))
