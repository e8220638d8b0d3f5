import {
  MemberHonourSchema,
  type CreateMemberBody,
  type ImportMode,
  type ImportReport,
  ImportReportSchema,
  type MemberListQuery,
  MemberPageSchema,
  MemberPersonalDataSchema,
  MemberSchema,
  type UpdateMemberBody,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiDownload, apiRequest } from '../../../lib/api-client'
import { isApiError } from '../../../lib/api-error'

export const MemberListSchema = MemberPageSchema.extend({ totalCapped: z.boolean().optional() })

export const listMembers = (query: Partial<MemberListQuery>, signal?: AbortSignal) =>
  apiRequest('/members', { query, schema: MemberListSchema, signal })

/** Honours the member was awarded by announced campaigns (e.g. 陇原工匠 2020). */
export const listMemberHonours = (memberId: string, signal?: AbortSignal) =>
  apiRequest('/campaigns/honours', {
    query: { memberId },
    schema: z.array(MemberHonourSchema),
    signal,
  })

export const getMember = (id: string, signal?: AbortSignal) =>
  apiRequest(`/members/${id}`, { schema: MemberSchema, signal })

export const createMember = (body: CreateMemberBody) =>
  apiRequest('/members', { method: 'POST', body, schema: MemberSchema })

export const updateMember = ({ id, body }: { id: string; body: UpdateMemberBody }) =>
  apiRequest(`/members/${id}`, { method: 'PATCH', body, schema: MemberSchema })

export const getPersonalData = (id: string) =>
  apiRequest(`/members/${id}/personal-data`, { schema: MemberPersonalDataSchema })

export const exportMembers = (
  query: Pick<MemberListQuery, 'orgId' | 'q' | 'status' | 'politicalStatus'>,
) => apiDownload('/members/export', query, 'members.xlsx')

export const downloadImportTemplate = () =>
  apiDownload('/members/import-template', {}, 'member-import-template.xlsx')

export type ImportArgs = { file: File; orgId: string; mode: ImportMode; dryRun: boolean }
/** `rejected`: all-or-nothing refused the file (422); the report says why. */
export type ImportResult = { report: ImportReport; rejected: boolean }

export const importMembers = async ({
  file,
  orgId,
  mode,
  dryRun,
}: ImportArgs): Promise<ImportResult> => {
  const formData = new FormData()
  formData.append('file', file)
  try {
    const report = await apiRequest('/members/import', {
      method: 'POST',
      query: { orgId, mode, dryRun: String(dryRun) },
      formData,
      schema: ImportReportSchema,
    })
    return { report, rejected: false }
  } catch (e) {
    if (isApiError(e) && e.code === 'MEMBER_IMPORT_HAS_ERRORS') {
      const parsed = ImportReportSchema.safeParse(e.details)
      if (parsed.success) return { report: parsed.data, rejected: true }
    }
    throw e
  }
}
