import {
  type LoginBody,
  type LoginOtpBody,
  OrgKindSchema,
  type RegisterBody,
  type ResetPasswordBody,
  SessionSchema,
} from '@unionhall/contracts'
import { z } from 'zod'
import { apiRequest } from '../../../lib/api-client'

export const login = (body: LoginBody) =>
  apiRequest('/auth/login', { method: 'POST', body, schema: SessionSchema })

/** Sign-in with an SMS code sent by requestLoginOtp instead of a password. */
export const loginWithOtp = (body: LoginOtpBody) =>
  apiRequest('/auth/login/otp', { method: 'POST', body, schema: SessionSchema })

export const requestLoginOtp = (mobile: string) =>
  apiRequest('/auth/otp', { method: 'POST', body: { mobile, purpose: 'login' } })

export const logout = () => apiRequest('/auth/logout', { method: 'POST', body: {} })

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  apiRequest('/auth/password', { method: 'POST', body })

export const requestRegisterOtp = (mobile: string) =>
  apiRequest('/auth/otp', { method: 'POST', body: { mobile, purpose: 'register' } })

export const requestResetOtp = (mobile: string) =>
  apiRequest('/auth/otp', { method: 'POST', body: { mobile, purpose: 'reset' } })

export const resetPassword = (body: ResetPasswordBody) =>
  apiRequest('/auth/password/reset', { method: 'POST', body, schema: SessionSchema })

export const register = (body: RegisterBody) =>
  apiRequest('/auth/register', { method: 'POST', body, schema: SessionSchema })

export const PublicOrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrgKindSchema,
  parentName: z.string().nullable(),
})
export type PublicOrg = z.infer<typeof PublicOrgSchema>

export const searchPublicOrgs = (q: string, signal?: AbortSignal) =>
  apiRequest('/public/orgs', { query: { q }, schema: z.array(PublicOrgSchema), signal })

export const publicOrgKeys = { search: (q: string) => ['public-orgs', q] as const }
