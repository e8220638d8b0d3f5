import { type ReactNode, useId } from 'react'

type Props = {
  label: string
  hint?: string
  error?: string
  /** Renders the control with the ids it must carry. */
  children: (a11y: {
    id: string
    'aria-invalid': boolean
    'aria-describedby': string | undefined
  }) => ReactNode
}

/** A labelled form field with its hint and its error, tied to the control for screen readers. */
export const Field = ({ label, hint, error, children }: Props) => {
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="cp-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint ? (
        <div className="cp-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="cp-error" id={errorId}>
          {error}
        </div>
      ) : null}
    </div>
  )
}
