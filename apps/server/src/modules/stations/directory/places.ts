/**
 * Places a worker can search for ("坂田", "人民路", "深圳北站"), found in the station directory
 * itself: the addresses and names of the stations are the gazetteer.
 *
 * Why not a geocoding service: UnionHall runs without outside services (demo, intranet
 * deployments, this project's CI), and a worker looking for a station needs places where there
 * are stations, which are exactly the places the directory knows. A place the directory has
 * never heard of finds nothing, and the page says so.
 *
 * A place is labelled by the address up to the end of the searched words, extended to the end of
 * the place name they are part of ("坂田" in "深圳市龙岗区坂田街道…" is "深圳市龙岗区坂田街道"), so
 * the same street name in two cities gives two places to choose from. A station found by its
 * name rather than its address is a place of its own. A place's point is the median of its
 * stations' points, which one far-off address cannot drag away.
 */
export type Place = { label: string; lat: number; lng: number; stations: number }

/** What a place search reads of a directory entry (declared here, not imported: no cycle). */
export type PlaceSource = {
  name: string
  address: string
  /** Lower-cased name + address. */
  haystack: string
  lat: number
  lng: number
}

/** Chinese place-name endings: a label runs on to the first of these after the match. */
const PLACE_END = /^[^\s\d号,，、()（）]{0,4}?(?:街道|社区|[省市区县镇乡路街道村巷里园])/

const labelOf = (entry: PlaceSource, words: readonly string[]): string => {
  const address = entry.address.toLowerCase()
  let end = -1
  for (const w of words) {
    const at = address.indexOf(w)
    if (at < 0) return entry.name // matched (partly) in the name: the station is the place
    end = Math.max(end, at + w.length)
  }
  const tail = PLACE_END.exec(entry.address.slice(end))
  return entry.address.slice(0, end + (tail ? tail[0].length : 0)).trim()
}

const median = (values: number[]): number => {
  values.sort((a, b) => a - b)
  const mid = values.length >> 1
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
}

/**
 * The places matching every word (lower-cased, as the directory's haystacks are), most stations
 * first, at most `limit`.
 */
export const findPlaces = (
  entries: Iterable<PlaceSource>,
  words: readonly string[],
  limit: number,
): Place[] => {
  if (words.length === 0) return []
  const groups = new Map<string, { lats: number[]; lngs: number[] }>()
  for (const e of entries) {
    if (!words.every((w) => e.haystack.includes(w))) continue
    const label = labelOf(e, words)
    let g = groups.get(label)
    if (!g) {
      g = { lats: [], lngs: [] }
      groups.set(label, g)
    }
    g.lats.push(e.lat)
    g.lngs.push(e.lng)
  }
  return [...groups.entries()]
    .map(([label, g]) => ({
      label,
      lat: median(g.lats),
      lng: median(g.lngs),
      stations: g.lats.length,
    }))
    .sort(
      (a, b) =>
        b.stations - a.stations ||
        a.label.length - b.label.length ||
        a.label.localeCompare(b.label),
    )
    .slice(0, limit)
}
