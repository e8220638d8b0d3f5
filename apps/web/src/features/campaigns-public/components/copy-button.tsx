import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Copies text; falls back to a hidden textarea where the Clipboard API is missing (old WebViews). */
export const copyText = async (text: string): Promise<boolean> => {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the old way
  }
  try {
    const ta = document.createElement('textarea')
    ta.value = text
    ta.setAttribute('readonly', '')
    ta.style.position = 'fixed'
    ta.style.opacity = '0'
    document.body.appendChild(ta)
    ta.select()
    const ok = document.execCommand('copy')
    ta.remove()
    return ok
  } catch {
    return false
  }
}

export const CopyButton = ({ text, label }: { text: string; label: string }) => {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <>
      <button
        type="button"
        className="cp-btn"
        onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        {label}
      </button>
      <span role="status" className="cp-small">
        {state === 'copied'
          ? t('campaignsPublic.common.copied')
          : state === 'failed'
            ? t('campaignsPublic.common.copyFailed')
            : ''}
      </span>
    </>
  )
}
