import type { FastifyInstance } from 'fastify'

export type RouteKey = `${'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'} ${string}`

/**
 * Every registered route as "METHOD /path", read from app.printRoutes() (Fastify has no
 * public route list). HEAD twins and trailing-slash twins are folded into their GET and
 * slash-less routes, and the API docs UI is left out.
 */
export const listRoutes = (app: FastifyInstance): RouteKey[] => {
  const tree = app.printRoutes({ commonPrefix: false })
  const stack: string[] = []
  const found = new Set<RouteKey>()
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!m) continue
    const depth = m[1]!.length / 4
    stack.length = depth
    stack.push(m[2]!)
    if (!m[3]) continue
    let path = stack.join('')
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1)
    if (path.startsWith('/api/docs')) continue
    for (const method of m[3].split(',').map((s) => s.trim())) {
      if (method === 'HEAD' || method === 'OPTIONS') continue
      found.add(`${method} ${path}` as RouteKey)
    }
  }
  return [...found].sort()
}

export const apiRoutes = (app: FastifyInstance): RouteKey[] =>
  listRoutes(app).filter((r) => r.split(' ')[1]!.startsWith('/api/v1/'))

/** Fills :params in a route path. */
export const fillPath = (path: string, params: Record<string, string>): string =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`No value for :${name} in ${path}`)
    return value
  })
