import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { listStations } from '../../stations/api/stations-api'

type Props = {
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
  /** Stations of this org's subtree. */
  orgId: string | null
  /** Only stations that take wishes (not closed). */
  activeOnly?: boolean
  placeholder?: string
  /** The station already chosen (an edit form), shown by name before any search. */
  initialOption?: { id: string; label: string } | null
}

/** Pick a station of a subtree by searching its name or address. */
export const StationSelect = ({
  id,
  value,
  onChange,
  orgId,
  activeOnly,
  placeholder,
  initialOption,
}: Props) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const h = setTimeout(() => setQ(search.trim()), 300)
    return () => clearTimeout(h)
  }, [search])
  const stations = useQuery({
    queryKey: ['wishes', 'station-select', orgId, q, activeOnly],
    queryFn: ({ signal }) =>
      listStations(
        {
          page: 1,
          pageSize: 20,
          orgId: orgId ?? undefined,
          q: q || undefined,
          status: activeOnly ? 'active' : undefined,
        },
        signal,
      ),
    enabled: orgId !== null,
    placeholderData: keepPreviousData,
  })
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      placeholder={placeholder ?? t('wishes.stationSelect.placeholder')}
      notFoundContent={t('wishes.stationSelect.empty')}
      loading={stations.isFetching}
      onSearch={setSearch}
      onChange={(v: string | undefined) => onChange?.(v)}
      options={[
        ...(initialOption && !stations.data?.items.some((s) => s.id === initialOption.id)
          ? [{ value: initialOption.id, label: initialOption.label }]
          : []),
        ...(stations.data?.items ?? []).map((s) => ({
          value: s.id,
          label: `${s.name}（${s.orgName}）`,
        })),
      ]}
      style={{ width: '100%' }}
    />
  )
}
