/**
 * The worker bundle's own record of its browser history entries (path and query per entry),
 * kept so that finishing sign-in can go back to the page that asked instead of adding it again.
 * Pushing `next` after sign-in left the history as [page, sign-in, page]: Back from the page
 * showed the same page a second time. React Router numbers its entries (`history.state.idx`), so
 * an entry's place is known even after Back and Forward.
 */
type Action = 'PUSH' | 'REPLACE' | 'POP'

let entries: (string | undefined)[] = []

const currentIndex = (): number | null => {
  const idx = (window.history.state as { idx?: unknown } | null)?.idx
  return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0 ? idx : null
}

/** Records the entry now shown. A push or replace drops the entries after it (as the browser does). */
export const noteLocation = (path: string, action: Action) => {
  const idx = currentIndex()
  if (idx === null) return
  if (action !== 'POP') entries = entries.slice(0, idx + 1)
  entries[idx] = path
}

/**
 * How many steps back `target` is, when only pages matching `passable` (the sign-in pages) lie
 * between it and the current entry; null otherwise (then the caller replaces the current entry).
 */
export const stepsBackTo = (target: string, passable: (path: string) => boolean): number | null => {
  const idx = currentIndex()
  if (idx === null) return null
  for (let j = idx - 1; j >= 0; j--) {
    const path = entries[j]
    if (path === undefined) return null
    if (path === target) return j - idx
    if (!passable(path)) return null
  }
  return null
}

/** For tests: forget every entry. */
export const resetNavTrail = () => {
  entries = []
}
