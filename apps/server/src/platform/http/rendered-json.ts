import type { FastifyReply } from 'fastify'

/**
 * Sends a cached response object as JSON, rendering it once per object. Leaderboards and
 * turnout are served from a one-second cache to every voter's phone; re-serialising the same
 * object on each read was most of a read's cost. The object must already have exactly the
 * route's response shape (the cache holds the DTO the service built), because a rendered body
 * skips the response serializer.
 */
const rendered = new WeakMap<object, Buffer>()

export const sendRenderedJson = (reply: FastifyReply, value: object) => {
  let body = rendered.get(value)
  if (body === undefined) {
    // Kept as UTF-8 bytes: a string body would be measured and encoded again on every send
    // (candidate and org names are Chinese, three bytes a character).
    body = Buffer.from(JSON.stringify(value))
    rendered.set(value, body)
  }
  return reply.type('application/json; charset=utf-8').send(body)
}

/**
 * Sends a body already rendered to JSON (text or UTF-8 bytes) by a hot path (the nearest-station
 * answer), bypassing
 * the response serializer; the caller renders exactly the route's response shape.
 */
export const sendJsonText = (reply: FastifyReply, body: string | Buffer) =>
  reply.type('application/json; charset=utf-8').send(body)
