import { useCallback, useEffect, useState } from 'react'
import { selectionStore } from '../lib/ballot-storage'

export type BallotSelection = {
  selected: string[]
  max: number
  /** True once max candidates are chosen: the other boxes are disabled. */
  full: boolean
  isSelected: (id: string) => boolean
  toggle: (id: string) => void
  remove: (id: string) => void
  clear: () => void
}

/** The candidates ticked for one ballot (at most max), kept in session while browsing profiles. */
export const useBallotSelection = (campaignId: string, max: number): BallotSelection => {
  const [selected, setSelected] = useState<string[]>(() =>
    selectionStore.read(campaignId).slice(0, max),
  )
  useEffect(() => {
    selectionStore.write(campaignId, selected)
  }, [campaignId, selected])
  const toggle = useCallback(
    (id: string) =>
      setSelected((cur) =>
        cur.includes(id) ? cur.filter((x) => x !== id) : cur.length >= max ? cur : [...cur, id],
      ),
    [max],
  )
  const remove = useCallback((id: string) => setSelected((cur) => cur.filter((x) => x !== id)), [])
  const clear = useCallback(() => setSelected([]), [])
  return {
    selected,
    max,
    full: selected.length >= max,
    isSelected: (id) => selected.includes(id),
    toggle,
    remove,
    clear,
  }
}
