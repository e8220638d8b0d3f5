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

const send = async (path: string, opts: RequestOptions<z.ZodTypeAny | undefined>) => {
  const method = opts.method ?? 'GET'
  const isJson = opts.body !== undefined && !opts.formData
  let res: Response
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers: headersFor(method, isJson),
      body: opts.formData ?? (isJson ? JSON.stringify(opts.body) : undefined),
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError('NETWORK_ERROR', 0, 'Network error')
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
  const res = await send(path, opts)
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
