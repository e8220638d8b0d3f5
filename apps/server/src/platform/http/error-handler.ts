import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod'
import { isAppError } from '../errors/app-error'
import { pickLang, translate } from '../errors/messages'

/** Fastify's own 4xx error codes, mapped to UnionHall's stable codes. */
const FASTIFY_CODES: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BODY_MALFORMED', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BODY_MALFORMED', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BODY_MALFORMED', status: 400 },
  FST_ERR_CTP_INVALID_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_ERR_VALIDATION: { code: 'VALIDATION_FAILED', status: 400 },
  FST_REQ_FILE_TOO_LARGE: { code: 'FILE_TOO_LARGE', status: 413 },
  FST_FILES_LIMIT: { code: 'VALIDATION_FAILED', status: 400 },
  FST_PARTS_LIMIT: { code: 'VALIDATION_FAILED', status: 400 },
  FST_FIELDS_LIMIT: { code: 'VALIDATION_FAILED', status: 400 },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_PROTO_VIOLATION: { code: 'BODY_MALFORMED', status: 400 },
  FST_ERR_BAD_URL: { code: 'VALIDATION_FAILED', status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'VALIDATION_FAILED', status: 400 },
}

export const sendError = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  fallbackMessage: string,
  details?: unknown,
) => {
  const lang = pickLang(request.headers['accept-language'])
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({
      error: {
        code,
        message: translate(code, lang, fallbackMessage),
        ...(details === undefined ? {} : { details }),
      },
    })
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding, an over-long path
 * parameter) bypass the error handler; the `frameworkErrors` option sends them here.
 */
export const sendFrameworkError = (
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) => {
  const mapped = FASTIFY_CODES[error.code] ?? { code: 'BAD_REQUEST', status: 400 }
  return sendError(request, reply, mapped.status, mapped.code, error.message)
}

/**
 * The one place errors become HTTP answers. 4xx answers carry a stable code; anything
 * unexpected is logged with the request id and answered with a generic 500 that leaks nothing.
 */
export const installErrorHandler = (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return sendError(request, reply, error.statusCode, error.code, error.message, error.details)
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.'),
        message: v.message,
      }))
      return sendError(request, reply, 400, 'VALIDATION_FAILED', 'Some fields are invalid', details)
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema')
      return sendError(request, reply, 500, 'INTERNAL_ERROR', 'Internal error')
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined
    if (mapped) return sendError(request, reply, mapped.status, mapped.code, error.message)
    if (error.statusCode === 429)
      return sendError(request, reply, 429, 'RATE_LIMITED', 'Too many requests')
    if (
      error instanceof SyntaxError ||
      (error as { type?: string }).type === 'entity.parse.failed'
    ) {
      return sendError(request, reply, 400, 'BODY_MALFORMED', 'Malformed body')
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'unmapped client error')
      return sendError(request, reply, error.statusCode, 'BAD_REQUEST', 'Bad request')
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendError(request, reply, 500, 'INTERNAL_ERROR', 'Internal error')
  })
}
