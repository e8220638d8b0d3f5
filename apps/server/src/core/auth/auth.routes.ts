import {
  ChangePasswordBodySchema,
  LoginBodySchema,
  LoginOtpBodySchema,
  OkSchema,
  RegisterBodySchema,
  RequestOtpBodySchema,
  ResetPasswordBodySchema,
  SessionSchema,
} from '@unionhall/contracts'
import type { FastifyReply } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ctxOf } from '../access'
import { SESSION_COOKIE, SIGNED_IN_COOKIE, type AuthService } from './auth.service'

const tags = ['auth']

export const authRoutes: FastifyPluginAsyncZod<{
  auth: AuthService
  cookieSecure: boolean
}> = async (app, { auth, cookieSecure }) => {
  const cookieOptions = (expiresAt: string) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: cookieSecure,
    path: '/',
    expires: new Date(expiresAt),
  })
  /** The session cookie and its readable marker (SIGNED_IN_COOKIE), which expire together. */
  const signIn = (reply: FastifyReply, token: string, expiresAt: string) =>
    reply
      .setCookie(SESSION_COOKIE, token, cookieOptions(expiresAt))
      .setCookie(SIGNED_IN_COOKIE, '1', { ...cookieOptions(expiresAt), httpOnly: false })

  app.post(
    '/login',
    {
      schema: {
        tags,
        summary: 'Sign in with mobile and password',
        body: LoginBodySchema,
        response: { 200: SessionSchema },
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const { token, session } = await auth.login(
        ctxOf(req),
        req.body,
        req.headers['user-agent'] ?? null,
      )
      return signIn(reply, token, session.expiresAt).send(session)
    },
  )

  app.post(
    '/login/otp',
    {
      schema: {
        tags,
        summary: 'Sign in with mobile and an SMS code (purpose login) instead of a password',
        body: LoginOtpBodySchema,
        response: { 200: SessionSchema },
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const { token, session } = await auth.loginWithOtp(
        ctxOf(req),
        req.body,
        req.headers['user-agent'] ?? null,
      )
      return signIn(reply, token, session.expiresAt).send(session)
    },
  )

  app.post(
    '/register',
    {
      schema: {
        tags,
        summary: 'Self-registration with an SMS code',
        body: RegisterBodySchema,
        response: { 201: SessionSchema },
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const { token, session } = await auth.register(
        ctxOf(req),
        req.body,
        req.headers['user-agent'] ?? null,
      )
      return signIn(reply.status(201), token, session.expiresAt).send(session)
    },
  )

  app.post(
    '/password/reset',
    {
      schema: {
        tags,
        summary: 'A forgotten password: set a new one with an SMS code (purpose reset) and sign in',
        body: ResetPasswordBodySchema,
        response: { 200: SessionSchema },
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const { token, session } = await auth.resetPassword(
        ctxOf(req),
        req.body,
        req.headers['user-agent'] ?? null,
      )
      return signIn(reply, token, session.expiresAt).send(session)
    },
  )

  app.post(
    '/otp',
    {
      schema: {
        tags,
        summary: 'Send a one-time code by SMS',
        body: RequestOtpBodySchema,
        response: { 200: OkSchema },
      },
      config: { access: 'public' },
    },
    async (req) => {
      await auth.requestOtp(ctxOf(req), req.body.mobile, req.body.purpose)
      return { ok: true as const }
    },
  )

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'The signed-in member, grants and CSRF token',
        response: { 200: SessionSchema },
      },
      config: { access: 'member' },
    },
    async (req, reply) => {
      const session = await auth.currentSession(ctxOf(req), req.auth!)
      // A session begun before the marker existed gets it on its next look.
      if (req.cookies[SIGNED_IN_COOKIE] !== '1')
        reply.setCookie(SIGNED_IN_COOKIE, '1', {
          ...cookieOptions(session.expiresAt),
          httpOnly: false,
        })
      return session
    },
  )

  app.post(
    '/logout',
    {
      schema: { tags, response: { 200: OkSchema } },
      config: { access: 'member' },
    },
    async (req, reply) => {
      await auth.logout(ctxOf(req), req.auth!.sessionId)
      return reply
        .clearCookie(SESSION_COOKIE, { path: '/' })
        .clearCookie(SIGNED_IN_COOKIE, { path: '/' })
        .send({ ok: true as const })
    },
  )

  app.post(
    '/password',
    {
      schema: {
        tags,
        summary: 'Change my password (ends my other sessions)',
        body: ChangePasswordBodySchema,
        response: { 200: OkSchema },
      },
      config: { access: 'member' },
    },
    async (req) => {
      await auth.changePassword(
        ctxOf(req),
        req.auth!.sessionId,
        req.body.currentPassword,
        req.body.newPassword,
      )
      return { ok: true as const }
    },
  )
}
