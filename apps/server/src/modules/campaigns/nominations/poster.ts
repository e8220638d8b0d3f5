import QRCode from 'qrcode'

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** Cuts text into lines of at most `width` characters (CJK text has no spaces to break on). */
const wrap = (text: string, width: number, maxLines: number) => {
  const lines: string[] = []
  const flat = text.replace(/\s+/g, ' ').trim()
  for (let i = 0; i < flat.length && lines.length < maxLines; i += width)
    lines.push(flat.slice(i, i + width))
  if (flat.length > width * maxLines) lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, -1)}…`
  return lines
}

export type PosterInput = {
  campaignName: string
  honourTitle: string
  categoryName: string
  number: number
  name: string
  employerName: string
  trade: string
  achievements: string
  /** Absolute URL the QR code opens. */
  url: string
}

/**
 * A printable A4-proportioned poster (SVG, 210 × 297 units) with the candidate's details and a
 * QR code of their share link. The QR is drawn as vector paths so it prints sharply.
 */
export const renderPoster = async (p: PosterInput): Promise<string> => {
  const qrSvg = await QRCode.toString(p.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
  const inner = qrSvg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
  const viewBox = /viewBox="([^"]+)"/.exec(qrSvg)?.[1] ?? '0 0 33 33'
  const story = wrap(p.achievements, 22, 6)
    .map((l, i) => `<text x="105" y="${176 + i * 8}" class="body">${esc(l)}</text>`)
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">
<style>text{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;text-anchor:middle}.title{font-size:12px;font-weight:700;fill:#fff}.sub{font-size:7px;fill:#fde68a}.no{font-size:30px;font-weight:700;fill:#b91c1c}.name{font-size:18px;font-weight:700;fill:#111}.meta{font-size:7px;fill:#374151}.body{font-size:6px;fill:#374151}.hint{font-size:6px;fill:#6b7280}</style>
<rect width="210" height="297" fill="#fffbeb"/>
<rect width="210" height="46" fill="#b91c1c"/>
<text x="105" y="22" class="title">${esc(p.campaignName)}</text>
<text x="105" y="35" class="sub">${esc(p.honourTitle)} · ${esc(p.categoryName)} 候选人</text>
<text x="105" y="96" class="no">${p.number} 号</text>
<text x="105" y="124" class="name">${esc(p.name)}</text>
<text x="105" y="140" class="meta">${esc(p.employerName)}</text>
<text x="105" y="152" class="meta">${esc(p.trade)}</text>
${story}
<svg x="70" y="222" width="70" height="70" viewBox="${viewBox}" shape-rendering="crispEdges">${inner}</svg>
<text x="105" y="219" class="hint">扫码查看候选人事迹并投票</text>
</svg>
`
}
