import { useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { publicConfigQuery } from './public-config'

const PublicOriginSchema = z.object({ publicOrigin: z.string().url().nullish() }).passthrough()

/**
 * The origin for links that leave the site: the QR code on a station's door poster, the
 * check-in link staff copy, a candidate's share link, a consent link sent to a nominee. The
 * server's PUBLIC_ORIGIN when it has one (GET /config/public), so a poster printed from an
 * internal or admin host still points workers at the public site; the page's own origin while
 * the setting is loading or unset (development, a single host).
 */
export const usePublicOrigin = (): string => {
  const config = useQuery({
    ...publicConfigQuery,
    select: (data) => {
      const parsed = PublicOriginSchema.safeParse(data)
      return parsed.success ? (parsed.data.publicOrigin ?? null) : null
    },
  })
  return config.data ?? (typeof window === 'undefined' ? '' : window.location.origin)
}

/** An absolute URL on the public site for a path of this web app. */
export const publicUrl = (origin: string, path: string) => new URL(path, origin).toString()
