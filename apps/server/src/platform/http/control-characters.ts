import type { FastifySchemaCompiler } from 'fastify'
import { AppError } from '../errors/app-error'
import { controlCharacterAt } from '../text/control-characters'

/**
 * Requests whose body, query or path holds a control character get 400
 * TEXT_CONTROL_CHARACTER, on every route, naming where (see platform/text/control-characters.ts
 * for why).
 */
const PART: Record<string, string> = { body: 'body', querystring: 'querystring', params: 'params' }

/**
 * Wraps the schema compiler: the guard runs first, inside validation, so it costs no hook of
 * its own and covers exactly the parts that have a schema (every route declares them).
 */
export const withControlCharacterGuard =
  <S>(compile: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> =>
  (route) => {
    const validate = compile(route)
    const part = route.httpPart ? PART[route.httpPart] : undefined
    if (!part) return validate
    return (data: unknown) => {
      const at = controlCharacterAt(data, part)
      if (at === null) return validate(data)
      return {
        error: new AppError(
          'TEXT_CONTROL_CHARACTER',
          400,
          'Text contains a control character (such as NUL); remove it and try again',
          [{ path: at }],
        ),
      }
    }
  }
