/**
 * Per-IP limits of the public campaign routes, set per route (each counts on its own, apart from
 * the API-wide RATE_LIMIT_PER_MINUTE, 1,200 a minute by default, which sign-in, the SMS code and
 * the staff console keep).
 *
 * Why: a factory's workers vote from behind one NAT, so one IP can be 1,000 honest voters in the
 * same break. A phone makes about 5–10 reads in the vote flow (the campaign, the candidate list, a
 * profile or two, the leaderboard, its receipts), so 1,000 of them need up to 10,000 reads a
 * minute from that IP. Ballots themselves have the engine's per-voter, per-device and per-IP
 * limits instead (votes.routes.ts). The reads are served from caches or one indexed page query;
 * the limit still stops one machine from hammering them, and the proxy in front (deploy/nginx)
 * is the place for limits across many IPs.
 */
export const VOTE_FLOW_READS_PER_IP = { max: 20_000, timeWindow: '1 minute' } as const

/**
 * Objections (公示 异议) from one IP: each needs a name, a mobile and a reason, and several workers
 * of one factory may object to the same candidate, so the limit allows a shift's worth.
 */
export const OBJECTIONS_PER_IP = { max: 50, timeWindow: '10 minutes' } as const
