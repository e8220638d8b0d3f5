import { Table, type TableProps, Tag, type TagProps, theme } from 'antd'
import type { GlobalToken } from 'antd'
import { type ReactNode, useEffect, useRef } from 'react'

const PALETTES = [
  'blue',
  'geekblue',
  'cyan',
  'orange',
  'purple',
  'gold',
  'green',
  'red',
  'volcano',
  'magenta',
] as const
type Palette = (typeof PALETTES)[number]
const STATUS: Record<string, Palette> = {
  processing: 'blue',
  success: 'green',
  error: 'red',
  warning: 'orange',
}

const paletteOf = (color: string | undefined): Palette | null => {
  if (!color) return null
  if (color in STATUS) return STATUS[color]!
  return (PALETTES as readonly string[]).includes(color) ? (color as Palette) : null
}

/**
 * An AntD Tag whose text meets WCAG AA contrast: the preset colours draw their text in shade 6,
 * too light on the shade-1 background; this draws it in shade 8 (gold: 9).
 */
export const ContrastTag = ({ color, style, ...props }: TagProps & { children?: ReactNode }) => {
  const { token } = theme.useToken()
  const palette = paletteOf(color)
  if (!palette)
    return <Tag color={color === 'default' ? undefined : color} style={style} {...props} />
  const shade = (n: number) => token[`${palette}${n}` as keyof GlobalToken] as string
  return (
    <Tag
      style={{
        color: shade(palette === 'gold' ? 9 : 8),
        background: shade(1),
        borderColor: shade(3),
        ...style,
      }}
      {...props}
    />
  )
}

/**
 * AntD Table made keyboard- and screen-reader-safe: its horizontal scroll area can take focus
 * (axe scrollable-region-focusable) and its hidden measure row holds nothing focusable.
 */
export const A11yTable = <T extends object>(props: TableProps<T>) => {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    el.querySelectorAll('.ant-table-content, .ant-table-body').forEach((n) => {
      if (!n.hasAttribute('tabindex')) n.setAttribute('tabindex', '0')
    })
    el.querySelectorAll('.ant-table-measure-row').forEach((row) => {
      row.querySelectorAll('input, button, [tabindex]').forEach((n) => {
        n.setAttribute('tabindex', '-1')
      })
    })
  })
  return (
    <div ref={ref}>
      <Table<T> {...props} />
    </div>
  )
}
