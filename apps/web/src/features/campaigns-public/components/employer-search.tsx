import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { PublicOrg } from '@unionhall/contracts'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { publicCampaignKeys, searchOrgs } from '../api/public-campaigns-api'
import { Field } from './field'

/** Employer search: type part of the union's name, then tap one of the matches. */
export const EmployerSearch = ({
  value,
  onChange,
  error,
  label,
}: {
  value: PublicOrg | null
  onChange: (org: PublicOrg | null) => void
  error?: string
  /** The field's name; the nomination form's by default. */
  label?: string
}) => {
  const { t } = useTranslation()
  const fieldLabel = label ?? t('campaignsPublic.nominate.employer')
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 350)
    return () => clearTimeout(h)
  }, [text])
  const orgs = useQuery({
    queryKey: publicCampaignKeys.orgs(q),
    queryFn: ({ signal }) => searchOrgs(q, signal),
    enabled: q.length > 0 && !value,
    placeholderData: keepPreviousData,
  })
  const searching =
    text.trim() !== '' && (text.trim() !== q || orgs.isPlaceholderData || orgs.isFetching)
  // The matches on screen, or null; a new array each time new results arrive.
  const shown = q && orgs.data && !searching && orgs.data.length > 0 ? orgs.data : null
  // On a phone with the keyboard up the matches opened below the fold, where nobody saw them:
  // bring the list into view when results arrive (not on every keystroke or re-render).
  useEffect(() => {
    if (shown && listRef.current && inputRef.current) revealBelow(inputRef.current, listRef.current)
  }, [shown])
  if (value) {
    return (
      <div className="cp-field">
        <span className="cp-field-label" id="cp-employer-label" style={{ fontWeight: 600 }}>
          {fieldLabel}
        </span>
        <div className="cp-row">
          <strong>{value.name}</strong>
          <button
            type="button"
            className="cp-btn"
            onClick={() => {
              onChange(null)
              setTimeout(() => inputRef.current?.focus(), 0)
            }}
          >
            {t('campaignsPublic.nominate.changeEmployer')}
          </button>
        </div>
      </div>
    )
  }
  return (
    <Field label={fieldLabel} hint={t('campaignsPublic.nominate.employerHint')} error={error}>
      {(a) => (
        <>
          <input
            {...a}
            ref={inputRef}
            className="cp-input"
            type="search"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key === 'Enter') e.preventDefault()
            }}
          />
          {/* Announced to screen readers: searching, then how many were found. */}
          <p className="cp-small" role="status" aria-live="polite">
            {searching
              ? t('campaignsPublic.nominate.employerSearching')
              : q && orgs.data
                ? orgs.data.length === 0
                  ? t('campaignsPublic.nominate.employerEmpty')
                  : t('campaignsPublic.nominate.employerFound', {
                      count: Math.min(orgs.data.length, 8),
                    })
                : null}
          </p>
          {/* Results of older words are hidden while new ones are typed or fetched: a tap on a
              stale match picked the wrong union on a slow network. */}
          {shown ? (
            <ul
              ref={listRef}
              className="cp-org-results"
              aria-label={t('campaignsPublic.nominate.employerResults')}
            >
              {shown.slice(0, 8).map((o) => (
                <li key={o.id}>
                  <button type="button" onClick={() => onChange(o)}>
                    {o.name}
                    {o.parentName ? (
                      <span className="cp-muted cp-small">（{o.parentName}）</span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Field>
  )
}

/**
 * Scrolls so that a list opened below an input is in view, as far as it fits without pushing
 * the input off the top. scrollIntoView measures against the layout viewport; Chrome on
 * Android leaves that full height when the keyboard opens and shrinks only the visual viewport,
 * so the list can be "in view" under the keyboard: the visual viewport is checked as well.
 */
const revealBelow = (input: HTMLElement, list: HTMLElement) => {
  list.scrollIntoView?.({ block: 'nearest' })
  const vv = window.visualViewport
  if (!vv) return
  const visibleBottom = vv.offsetTop + vv.height
  const hidden = list.getBoundingClientRect().bottom - visibleBottom
  // Keep the input on screen, below the page's sticky bar: people are still typing in it.
  const bar = document.querySelector('.cp-bar')
  const barBottom =
    bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0
  const room = input.getBoundingClientRect().top - Math.max(vv.offsetTop, barBottom) - 8
  const by = Math.min(hidden, room)
  if (by > 0) window.scrollBy({ top: by })
}
