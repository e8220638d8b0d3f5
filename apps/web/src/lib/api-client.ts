import { ErrorBodySchema } from '@unionhall/contracts'
import type { z } from 'zod'
import { ApiError, SIGNED_OUT_CODES } from './api-error'

type QueryValue = string | number | boolean | undefined | null
export type Query = Record<string, QueryValue>

type ClientState = {
  csrfToken: string | null
  language: string
  onSignedOut: (() => void) | null
}

const state: ClientState = { csrfToken: null, language: 'zh-CN', onSignedOut: null }

/** The session provider keeps these in step with the signed-in session and the UI language. */
export const apiClientConfig = {
  setCsrfToken: (token: string | null) => {
    state.csrfToken = token
  },
  setLanguage: (language: string) => {
    state.language = language
  },
  setOnSignedOut: (handler: (() => void) | null) => {
    state.onSignedOut = handler
  },
}

export const buildUrl = (path: string, query?: Query): string => {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return `/api/v1${path}${qs ? `?${qs}` : ''}`
}

type RequestOptions<S extends z.ZodTypeAny | undefined> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: Query
  body?: unknown
  formData?: FormData
  schema?: S
  signal?: AbortSignal
}

const headersFor = (method: string, json: boolean): Headers => {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': state.language })
  if (json) headers.set('Content-Type', 'application/json')
  if (method !== 'GET' && state.csrfToken) headers.set('x-csrf-token', state.csrfToken)
  return headers
}

const toApiError = async (res: Response): Promise<ApiError> => {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // not JSON: fall through to a generic error
  }
  const parsed = ErrorBodySchema.safeParse(body)
  const error = parsed.success
    ? new ApiError(
        parsed.data.error.code,
        res.status,
        parsed.data.error.message,
        parsed.data.error.details,
      )
    : new ApiError(`HTTP_${res.status}`, res.status, res.statusText || 'Request failed')
  if (SIGNED_OUT_CODES.has(error.code)) state.onSignedOut?.()
  return error
}

/**
 * How long a JSON request may wait for its answer. A stalled phone connection otherwise spins
 * "正在提交…" for as long as it hangs; past this the caller gets NETWORK_TIMEOUT and says so.
 * Uploads and file downloads have no limit: a photo over a slow link can take a minute.
 */
export const REQUEST_TIMEOUT_MS = 30_000

const send = async (
  path: string,
  opts: RequestOptions<z.ZodTypeAny | undefined>,
  timeoutMs: number | null = null,
) => {
  const method = opts.method ?? 'GET'
  const isJson = opts.body !== undefined && !opts.formData
  // The caller's signal (a query cancelled) and the timeout both end the request.
  const controller = new AbortController()
  const onAbort = () => controller.abort()
  opts.signal?.addEventListener('abort', onAbort)
  if (opts.signal?.aborted) controller.abort()
  let timedOut = false
  const timer =
    timeoutMs === null
      ? undefined
      : setTimeout(() => {
          timedOut = true
          controller.abort()
        }, timeoutMs)
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers: headersFor(method, isJson),
      body: opts.formData ?? (isJson ? JSON.stringify(opts.body) : undefined),
      credentials: 'same-origin',
      signal: controller.signal,
    })
  } catch (e) {
    if (timedOut) throw new ApiError('NETWORK_TIMEOUT', 0, 'The server did not answer in time')
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError('NETWORK_ERROR', 0, 'Network error')
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onAbort)
  }
  if (!res.ok) throw await toApiError(res)
  return res
}

/**
 * The one HTTP client of the web app. Parses success bodies with the contracts schema in
 * development (and casts in production), and turns error bodies into ApiError.
 */
export async function apiRequest<S extends z.ZodTypeAny>(
  path: string,
  opts: RequestOptions<S> & { schema: S },
): Promise<z.infer<S>>
export async function apiRequest(path: string, opts?: RequestOptions<undefined>): Promise<unknown>
export async function apiRequest(
  path: string,
  opts: RequestOptions<z.ZodTypeAny | undefined> = {},
): Promise<unknown> {
  const res = await send(path, opts, opts.formData ? null : REQUEST_TIMEOUT_MS)
  if (res.status === 204) return null
  const text = await res.text()
  const data: unknown = text ? JSON.parse(text) : null
  if (opts.schema && import.meta.env.DEV) {
    const parsed = opts.schema.safeParse(data)
    if (!parsed.success) {
      console.error(`Response of ${path} does not match its schema`, parsed.error.issues)
      return data
    }
    return parsed.data
  }
  return data
}

const filenameOf = (res: Response, fallback: string): string => {
  const cd = res.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)
  if (star?.[1]) return decodeURIComponent(star[1])
  const plain = /filename="?([^";]+)"?/i.exec(cd)
  return plain?.[1] ?? fallback
}

/** Downloads a file (xlsx export or template) through the browser. */
export const apiDownload = async (path: string, query: Query, fallbackName: string) => {
  const res = await send(path, { method: 'GET', query })
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filenameOf(res, fallbackName)
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
