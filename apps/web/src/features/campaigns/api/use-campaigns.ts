import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Query } from '../../../lib/api-client'
import { campaignKeys } from './campaign-keys'
import {
  addJuror,
  advancePhase,
  announceResults,
  type CampaignListQuery,
  createCampaign,
  createOrgNomination,
  getCampaign,
  getJuryCandidates,
  getJuryProgress,
  getLeaderboard,
  getNomination,
  getQuotaCheck,
  getResults,
  getTurnout,
  listCampaigns,
  listCandidates,
  listChildCampaigns,
  listFlaggedBallots,
  listJurors,
  listNominatingOrgs,
  listNominations,
  listObjections,
  mergeNominations,
  putForward,
  removeJuror,
  resendConsentSms,
  resolveObjection,
  reviewBallots,
  reviewNomination,
  searchEmployers,
  searchMembers,
  submitJuryScore,
  updateCampaign,
  updateCandidate,
} from './campaigns-api'

type Q = Record<string, string | number | undefined>

export const useCampaigns = (query: CampaignListQuery) =>
  useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: ({ signal }) => listCampaigns(query, signal),
    placeholderData: keepPreviousData,
  })

export const useCampaign = (id: string | undefined) =>
  useQuery({
    queryKey: campaignKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getCampaign(id ?? '', signal),
    enabled: Boolean(id),
  })

export const useChildCampaigns = (id: string) =>
  useQuery({
    queryKey: campaignKeys.children(id),
    queryFn: ({ signal }) => listChildCampaigns(id, signal),
  })

/** After any change to a campaign: its detail, the lists and everything under it. */
const useInvalidateCampaign = () => {
  const qc = useQueryClient()
  return (id: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: campaignKeys.detail(id) }),
      qc.invalidateQueries({ queryKey: campaignKeys.lists() }),
      qc.invalidateQueries({ queryKey: campaignKeys.of(id) }),
    ])
}

export const useCreateCampaign = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: createCampaign,
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: campaignKeys.lists() })
      if (c.parentCampaignId) {
        void qc.invalidateQueries({ queryKey: campaignKeys.children(c.parentCampaignId) })
      }
    },
  })
}

export const useUpdateCampaign = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: updateCampaign, onSuccess: (c) => invalidate(c.id) })
}

export const useAdvancePhase = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: advancePhase, onSuccess: (c) => invalidate(c.id) })
}

// ---- nominations ----

export const useNominations = (id: string, query: Q) =>
  useQuery({
    queryKey: campaignKeys.nominations(id, query),
    queryFn: ({ signal }) => listNominations(id, query as Query, signal),
    placeholderData: keepPreviousData,
  })

export const useNomination = (id: string, nid: string | null) =>
  useQuery({
    queryKey: campaignKeys.nomination(id, nid ?? ''),
    queryFn: ({ signal }) => getNomination(id, nid ?? '', signal),
    enabled: Boolean(nid),
  })

export const useReviewNomination = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: reviewNomination, onSuccess: (_n, v) => invalidate(v.id) })
}

export const useResendConsentSms = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: resendConsentSms,
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: campaignKeys.nomination(v.id, v.nid) }),
  })
}

export const useMergeNominations = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: mergeNominations, onSuccess: (_n, v) => invalidate(v.id) })
}

/** Orgs I may nominate for in this campaign; only asked when I hold campaign:manage somewhere. */
export const useNominatingOrgs = (id: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: campaignKeys.nominatingOrgs(id, q),
    queryFn: ({ signal }) => listNominatingOrgs(id, q, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })

export const useCreateOrgNomination = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: createOrgNomination, onSuccess: (_n, v) => invalidate(v.id) })
}

export const useEmployerSearch = (q: string) =>
  useQuery({
    queryKey: campaignKeys.employerSearch(q),
    queryFn: ({ signal }) => searchEmployers(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })

export const useQuotaCheck = (id: string) =>
  useQuery({ queryKey: campaignKeys.quota(id), queryFn: ({ signal }) => getQuotaCheck(id, signal) })

export const useCandidates = (id: string, query: Q) =>
  useQuery({
    queryKey: campaignKeys.candidates(id, query),
    queryFn: ({ signal }) => listCandidates(id, query as Query, signal),
    placeholderData: keepPreviousData,
  })

export const useUpdateCandidate = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: updateCandidate, onSuccess: (_c, v) => invalidate(v.id) })
}

export const useObjections = (id: string, query: Q) =>
  useQuery({
    queryKey: campaignKeys.objections(id, query),
    queryFn: ({ signal }) => listObjections(id, query as Query, signal),
    placeholderData: keepPreviousData,
  })

export const useResolveObjection = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: resolveObjection, onSuccess: (_o, v) => invalidate(v.id) })
}

// ---- votes ----

export const LIVE_REFETCH_MS = 5000

/** Live leaderboard: refetched every 5 s while voting is open; null while sealed. */
export const useLeaderboard = (id: string, live: boolean) =>
  useQuery({
    queryKey: campaignKeys.leaderboard(id),
    queryFn: ({ signal }) => getLeaderboard(id, signal),
    refetchInterval: (q) => (live && q.state.data !== null ? LIVE_REFETCH_MS : false),
  })

export const useTurnout = (id: string, live: boolean) =>
  useQuery({
    queryKey: campaignKeys.turnout(id),
    queryFn: ({ signal }) => getTurnout(id, signal),
    refetchInterval: live ? LIVE_REFETCH_MS : false,
  })

export const useFlaggedBallots = (id: string, query: Q) =>
  useQuery({
    queryKey: campaignKeys.flagged(id, query),
    queryFn: ({ signal }) => listFlaggedBallots(id, query as Query, signal),
    placeholderData: keepPreviousData,
  })

export const useReviewBallots = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: reviewBallots, onSuccess: (_r, v) => invalidate(v.id) })
}

// ---- jury, results ----

export const useJurors = (id: string) =>
  useQuery({ queryKey: campaignKeys.jurors(id), queryFn: ({ signal }) => listJurors(id, signal) })

export const useAddJuror = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: addJuror, onSuccess: (_j, v) => invalidate(v.id) })
}

export const useRemoveJuror = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: removeJuror, onSuccess: (_j, v) => invalidate(v.id) })
}

export const useJuryCandidates = (id: string) =>
  useQuery({
    queryKey: campaignKeys.juryCandidates(id),
    queryFn: ({ signal }) => getJuryCandidates(id, signal),
  })

export const useSubmitJuryScore = () => {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: submitJuryScore,
    onSuccess: (_s, v) => qc.invalidateQueries({ queryKey: campaignKeys.juryCandidates(v.id) }),
  })
}

export const useJuryProgress = (id: string) =>
  useQuery({
    queryKey: campaignKeys.juryProgress(id),
    queryFn: ({ signal }) => getJuryProgress(id, signal),
  })

export const useResults = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: campaignKeys.results(id),
    queryFn: ({ signal }) => getResults(id, signal),
    enabled,
  })

export const useAnnounce = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: announceResults, onSuccess: (_r, id) => invalidate(id) })
}

export const usePutForward = () => {
  const invalidate = useInvalidateCampaign()
  return useMutation({ mutationFn: putForward, onSuccess: (_r, v) => invalidate(v.id) })
}

export const useMemberSearch = (q: string, orgId: string | undefined) =>
  useQuery({
    queryKey: [...campaignKeys.memberSearch(q), orgId],
    queryFn: ({ signal }) => searchMembers(q, orgId, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  })
