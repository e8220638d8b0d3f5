import { z } from 'zod'
import { RoleSchema, PermissionSchema } from './access'
import { IdSchema } from './common'
import { MobileSchema, PasswordSchema } from './members'

export const LoginBodySchema = z
  .object({ mobile: MobileSchema, password: z.string().min(1).max(128) })
  .strict()
export type LoginBody = z.infer<typeof LoginBodySchema>

export const ChangePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: PasswordSchema })
  .strict()

export const OTP_PURPOSES = ['register', 'vote', 'reset', 'login'] as const
export const RequestOtpBodySchema = z
  .object({ mobile: MobileSchema, purpose: z.enum(OTP_PURPOSES) })
  .strict()

/** The 6-digit code of an SMS sent by POST /auth/otp. */
export const OtpCodeSchema = z.string().regex(/^\d{6}$/)

/** Sign-in without a password, proved by an SMS code sent with purpose 'login'. */
export const LoginOtpBodySchema = z
  .object({ mobile: MobileSchema, otpCode: OtpCodeSchema })
  .strict()
export type LoginOtpBody = z.infer<typeof LoginOtpBodySchema>

/** A forgotten password: a new one, proved by an SMS code sent with purpose 'reset'. */
export const ResetPasswordBodySchema = z
  .object({
    mobile: MobileSchema,
    otpCode: OtpCodeSchema,
    newPassword: PasswordSchema,
  })
  .strict()
export type ResetPasswordBody = z.infer<typeof ResetPasswordBodySchema>

export const SessionGrantSchema = z.object({
  orgId: IdSchema,
  orgName: z.string(),
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
})

/** What the web app knows about the signed-in member; csrfToken goes back in x-csrf-token. */
export const SessionSchema = z.object({
  member: z.object({ id: IdSchema, name: z.string(), orgId: IdSchema, orgName: z.string() }),
  grants: z.array(SessionGrantSchema),
  csrfToken: z.string(),
  expiresAt: z.string(),
})
export type Session = z.infer<typeof SessionSchema>
