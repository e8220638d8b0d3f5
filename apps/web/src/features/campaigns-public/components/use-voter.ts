import type { Campaign } from '@unionhall/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useOnChange } from '../../../components/form/use-on-change'
import { isApiError } from '../../../lib/api-error'
import { useSession } from '../../../lib/session'
import { listMyReceipts, publicCampaignKeys } from '../api/public-campaigns-api'
import { voterStore } from '../lib/ballot-storage'

/**
 * Who votes from this phone, and their ballots: the signed-in member, or in SMS campaigns the
 * mobile verified on this phone. The voter token is an httpOnly cookie the page cannot read, so
 * voterStore only remembers until when it should hold. In-app browsers (WeChat) drop cookies
 * and keep localStorage: when the server answers BALLOT_VOTER_REQUIRED the page forgets the
 * mobile and asks for it again, instead of saying "verify first" with no form to do it.
 */
export const useVoter = (campaignId: string, campaign: Campaign | undefined, now: Date) => {
  const { session, isLoading: sessionLoading } = useSession()
  const queryClient = useQueryClient()
  // Bumped when the voter token is stored or dropped, to read voterStore again.
  const [, setVoterTick] = useState(0)
  const sms = campaign?.rules.eligibility === 'sms'
  const verified = voterStore.verifiedUntil(campaignId) > now.getTime()
  const hasVoter = campaign ? (sms ? verified : Boolean(session)) : false

  const receipts = useQuery({
    queryKey: publicCampaignKeys.myReceipts(campaignId),
    queryFn: ({ signal }) => listMyReceipts(campaignId, signal),
    enabled: hasVoter,
  })

  /**
   * After a mobile is verified or dropped: read voterStore again, and drop the old answer.
   * Removed rather than reset: a reset would refetch at once with the old (missing) token.
   */
  const voterChanged = () => {
    queryClient.removeQueries({ queryKey: publicCampaignKeys.myReceipts(campaignId) })
    setVoterTick((n) => n + 1)
  }
  const forgetVoter = () => {
    voterStore.clear(campaignId)
    voterChanged()
  }

  const tokenLost =
    sms && hasVoter && isApiError(receipts.error) && receipts.error.code === 'BALLOT_VOTER_REQUIRED'
  useOnChange(tokenLost, () => {
    if (tokenLost) forgetVoter()
  })

  return { sms, hasVoter, sessionLoading, receipts, voterChanged, forgetVoter }
}
