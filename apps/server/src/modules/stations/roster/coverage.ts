/**
 * Coverage of opening hours by shifts: the open intervals of a window minus the union of the
 * shifts, cut wherever the number of people on shift changes. Pure; times are epoch ms.
 */

export type Span = { start: number; end: number }

export type CoveragePiece = Span & { staffCount: number }

export type CoverageResult = {
  pieces: CoveragePiece[]
  uncovered: Span[]
  openMs: number
  coveredMs: number
  /** 0–100 with one decimal; 100 when the window has no open time (nothing to cover). */
  coveredPercent: number
}

/**
 * @param open  open intervals, sorted and non-overlapping (as openIntervals answers)
 * @param shifts shifts in any order; they may overlap each other and stick out of the window
 */
export const computeCoverage = (open: readonly Span[], shifts: readonly Span[]): CoverageResult => {
  // Every place where the count may change: shift starts and ends.
  const cuts = [...new Set(shifts.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b)
  const countAt = (t: number) => shifts.reduce((n, s) => (s.start <= t && t < s.end ? n + 1 : n), 0)
  const pieces: CoveragePiece[] = []
  for (const iv of open) {
    if (iv.end <= iv.start) continue
    const points = [iv.start, ...cuts.filter((c) => c > iv.start && c < iv.end), iv.end]
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!
      const end = points[i + 1]!
      const staffCount = countAt(start)
      const last = pieces[pieces.length - 1]
      // Adjacent pieces with the same count are one piece (a hand-over at 12:00 is no gap).
      if (last && last.end === start && last.staffCount === staffCount) last.end = end
      else pieces.push({ start, end, staffCount })
    }
  }
  const openMs = pieces.reduce((n, p) => n + (p.end - p.start), 0)
  const coveredMs = pieces.reduce((n, p) => n + (p.staffCount > 0 ? p.end - p.start : 0), 0)
  const uncovered: Span[] = []
  for (const p of pieces) {
    if (p.staffCount > 0) continue
    const last = uncovered[uncovered.length - 1]
    if (last && last.end === p.start) last.end = p.end
    else uncovered.push({ start: p.start, end: p.end })
  }
  const coveredPercent = openMs === 0 ? 100 : Math.floor((coveredMs / openMs) * 1000) / 10
  return { pieces, uncovered, openMs, coveredMs, coveredPercent }
}
