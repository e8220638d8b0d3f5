import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { publicOrgKeys, searchPublicOrgs } from '../api/auth-api'

type Props = { id?: string; value?: string; onChange?: (value: string) => void }

/** Search the employer's union by name (public endpoint, names only). */
export const EmployerSelect = ({ id, value, onChange }: Props) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const h = setTimeout(() => setQ(search.trim()), 300)
    return () => clearTimeout(h)
  }, [search])
  const query = useQuery({
    queryKey: publicOrgKeys.search(q),
    queryFn: ({ signal }) => searchPublicOrgs(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  })
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setSearch}
      filterOption={false}
      placeholder={t('auth.register.employerPlaceholder')}
      loading={query.isFetching}
      notFoundContent={
        q ? (query.isFetching ? t('common.loading') : t('auth.register.employerEmpty')) : null
      }
      options={(query.data ?? []).map((o) => ({
        value: o.id,
        label: o.parentName ? `${o.name}（${o.parentName}）` : o.name,
      }))}
    />
  )
}
