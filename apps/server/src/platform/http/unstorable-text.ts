import type { FastifySchemaCompiler } from 'fastify'
import { AppError } from '../errors/app-error'
import { unstorableTextAt } from '../text/unstorable-text'

/**
 * Requests whose body, query or path holds a character UnionHall does not store get 400
 * TEXT_INVALID_CHARACTER, on every route, naming where (see platform/text/unstorable-text.ts
 * for which and why).
 */
const PART: Record<string, string> = { body: 'body', querystring: 'querystring', params: 'params' }

/**
 * Wraps the schema compiler: the guard runs first, inside validation, so it costs no hook of
 * its own and covers exactly the parts that have a schema (every route declares them).
 */
export const withUnstorableTextGuard =
  <S>(compile: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> =>
  (route) => {
    const validate = compile(route)
    const part = route.httpPart ? PART[route.httpPart] : undefined
    if (!part) return validate
    return (data: unknown) => {
      const at = unstorableTextAt(data, part)
      if (at === null) return validate(data)
      return {
        error: new AppError(
          'TEXT_INVALID_CHARACTER',
          400,
          'Text contains a character that cannot be stored (a control character such as NUL, a text-direction override, U+FFFF or a broken surrogate); remove it and try again',
          [{ path: at }],
        ),
      }
    }
  }
