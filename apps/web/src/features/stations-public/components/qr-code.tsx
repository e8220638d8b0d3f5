import { create } from 'qrcode'
import { useMemo } from 'react'

/**
 * A QR code as one SVG path (vector, so it prints sharp at any size). Error correction M
 * survives a scuffed or rain-streaked door poster; the quiet zone is the standard 4 modules.
 */
export const QrCode = ({
  text,
  label,
  className,
}: {
  text: string
  label: string
  className?: string
}) => {
  const { size, d } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' })
    let path = ''
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`
    return { size: modules.size + 8, d: path }
  }, [text])
  return (
    <svg
      className={className}
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
