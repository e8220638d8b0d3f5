import { readFileSync } from 'node:fs'

/**
 * The value a property gets on an element from style sheets by the CSS cascade: the matching
 * selector of highest specificity, then the later rule. jsdom's getComputedStyle orders by
 * source alone, and vitest loads no CSS, so a test of a layout rule that depends on specificity
 * (".cp-field label" outranks ".cp-choice") asks here. No !important, inheritance or @media.
 */
export const cascaded = (el: Element, property: string, sheets: readonly string[]) => {
  let best: { specificity: number[]; value: string } | null = null
  for (const css of sheets) {
    const style = document.createElement('style')
    style.textContent = css
    document.head.append(style)
    for (const rule of [...style.sheet!.cssRules]) {
      if (!(rule instanceof CSSStyleRule)) continue
      const value = rule.style.getPropertyValue(property)
      if (!value) continue
      for (const selector of rule.selectorText.split(',')) {
        if (!matches(el, selector)) continue
        const s = specificity(selector)
        if (!best || compare(s, best.specificity) >= 0) best = { specificity: s, value }
      }
    }
    style.remove()
  }
  return best?.value ?? null
}

/** A style sheet of the web app, by its path under apps/web/src. */
export const sheet = (path: string) => {
  // This file's folder; not new URL(…, import.meta.url), which Vite rewrites into an asset.
  const here = decodeURIComponent(import.meta.url.replace(/^file:\/\//, '').replace(/[^/]*$/, ''))
  return readFileSync(`${here}../../../${path}`, 'utf8')
}

const matches = (el: Element, selector: string) => {
  try {
    return el.matches(selector.trim())
  } catch {
    return false // a pseudo-element, which no element matches
  }
}

/** [ids, classes + attributes + pseudo-classes, types] of a simple selector list. */
const specificity = (selector: string) => {
  const s = selector.replace(/::[\w-]+/g, '')
  const ids = (s.match(/#[\w-]+/g) ?? []).length
  const classes = (s.match(/\.[\w-]+|\[[^\]]*\]|:[\w-]+/g) ?? []).length
  const types = (s.replace(/\[[^\]]*\]/g, '').match(/(^|[\s>+~])[a-z][\w-]*/gi) ?? []).length
  return [ids, classes, types]
}

const compare = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!
