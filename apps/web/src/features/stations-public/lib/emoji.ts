/**
 * Whether this device draws an emoji as a picture. Where no emoji font has it (older phones, a
 * Linux without one) an emoji is an empty box ("tofu"), so the worker pages leave such a picture
 * out: the words next to it always carry the meaning. Each emoji is tried once, drawn in black
 * on a small canvas: a colour emoji font leaves coloured pixels, a missing glyph's box only
 * black ones. Where the page cannot tell (no canvas), the pictures are kept.
 */
const drawn = new Map<string, boolean>()

export const drawsEmoji = (emoji: string): boolean => {
  let ok = drawn.get(emoji)
  if (ok === undefined) drawn.set(emoji, (ok = tryDrawing(emoji)))
  return ok
}

const SIZE = 24

const tryDrawing = (emoji: string): boolean => {
  // Checked first: jsdom (the unit tests) has canvas elements but no 2D context to draw with.
  if (typeof document === 'undefined' || typeof CanvasRenderingContext2D === 'undefined') {
    return true
  }
  try {
    const canvas = document.createElement('canvas')
    canvas.width = SIZE
    canvas.height = SIZE
    const ctx = canvas.getContext('2d', { willReadFrequently: true })
    if (!ctx) return true
    ctx.fillStyle = '#000'
    ctx.textBaseline = 'top'
    ctx.font = `${SIZE - 6}px sans-serif`
    ctx.fillText(emoji, 2, 2)
    return hasColour(ctx.getImageData(0, 0, SIZE, SIZE).data)
  } catch {
    return true
  }
}

/** Whether RGBA pixels hold a colour other than grey (text drawn in black has none). */
export const hasColour = (rgba: ArrayLike<number>): boolean => {
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    if (rgba[i + 3]! > 0 && (rgba[i] !== rgba[i + 1] || rgba[i + 1] !== rgba[i + 2])) return true
  }
  return false
}
