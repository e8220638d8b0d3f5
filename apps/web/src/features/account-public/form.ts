import { MOBILE_PATTERN, normaliseMobileInput } from '@unionhall/contracts'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'

/** A typed or pasted mobile made plain: "136 2076 0099", "+86…" and full-width digits work. */
export const plainMobile = (text: string) => normaliseMobileInput(text.trim())

export const isMobile = (text: string) => MOBILE_PATTERN.test(plainMobile(text))

/**
 * The mobile typed on the page before (sign-in → register → reset), carried in the router's
 * state rather than the address: a phone number does not belong in history or server logs.
 */
export const useCarriedMobile = () => {
  const state = useLocation().state as { mobile?: unknown } | null
  return typeof state?.mobile === 'string' ? state.mobile : ''
}

/**
 * After a refused submit, the first field with an error gets the focus, so keyboard and
 * screen-reader users land on what to fix rather than on the button.
 */
export const useFocusFirstError = () => {
  const formRef = useRef<HTMLFormElement>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (tick > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [tick])
  const focusFirstError = useCallback(() => setTick((n) => n + 1), [])
  return { formRef, focusFirstError }
}
