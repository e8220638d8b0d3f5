import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { OrgPageSchema } from '@unionhall/contracts'
import { Select } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiRequest } from '../../lib/api-client'

export const orgSelectKeys = {
  search: (within: string | null, q: string) => ['orgs', 'select', within, q] as const,
}

type Props = {
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
  /** Search this org's subtree (the org itself included). */
  withinOrgId: string | null
  /** A label for the current value before any search has run. */
  initialOption?: { id: string; name: string } | null
  allowClear?: boolean
  placeholder?: string
  excludeId?: string
  'aria-label'?: string
}

const useDebounced = (value: string, ms: number) => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const h = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(h)
  }, [value, ms])
  return debounced
}

/** Pick an org in a subtree by searching its Chinese name. */
export const OrgSelect = ({
  id,
  value,
  onChange,
  withinOrgId,
  initialOption,
  allowClear,
  placeholder,
  excludeId,
  'aria-label': ariaLabel,
}: Props) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 250)
  const query = useQuery({
    queryKey: orgSelectKeys.search(withinOrgId, q),
    queryFn: ({ signal }) =>
      apiRequest('/orgs', {
        query: { within: withinOrgId ?? undefined, q: q || undefined, pageSize: 50 },
        schema: OrgPageSchema,
        signal,
      }),
    enabled: withinOrgId !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })

  const options = useMemo(() => {
    const items = (query.data?.items ?? []).filter((o) => o.id !== excludeId && !o.isArchived)
    const opts = items.map((o) => ({ value: o.id, label: o.name }))
    if (initialOption && !opts.some((o) => o.value === initialOption.id)) {
      opts.unshift({ value: initialOption.id, label: initialOption.name })
    }
    return opts
  }, [query.data, initialOption, excludeId])

  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('common.orgSelect.placeholder')}
      filterOption={false}
      onSearch={setSearch}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={query.isFetching}
      notFoundContent={query.isFetching ? t('common.loading') : t('common.orgSelect.empty')}
      options={options}
      style={{ width: '100%' }}
    />
  )
}
