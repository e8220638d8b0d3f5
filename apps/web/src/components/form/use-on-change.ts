import { useEffect, useEffectEvent } from 'react'

/**
 * Runs `onChange` after render whenever `key` changes (a dialog opens, another record is
 * picked), always with the latest props and state. Forms use it to reset themselves; the
 * callback is an effect event, so it is not a dependency and needs no lint exception.
 */
export const useOnChange = (key: unknown, onChange: () => void) => {
  const run = useEffectEvent(onChange)
  useEffect(() => {
    run()
  }, [key])
}
