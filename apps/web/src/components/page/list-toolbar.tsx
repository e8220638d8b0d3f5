import { Card, Col, Form, Input, Row, Select } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../lib/session'
import { OrgSelect } from '../org-select/org-select'

type Span = { xs: number; md: number }

/** The search/filter card above each console list; children are ListFilter / ListSearch cells. */
export const ListToolbar = ({ children }: { children: ReactNode }) => (
  <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 0 } }}>
    <Form layout="vertical" component="div">
      <Row gutter={[12, 0]}>{children}</Row>
    </Form>
  </Card>
)

/** One labelled cell of the toolbar; `htmlFor` must match the control's id so the label names it. */
export const ListFilter = ({
  label,
  htmlFor,
  span,
  children,
}: {
  label: string
  htmlFor: string
  span: Span
  children: ReactNode
}) => (
  <Col xs={span.xs} md={span.md}>
    <Form.Item label={label} htmlFor={htmlFor}>
      {children}
    </Form.Item>
  </Col>
)

/**
 * Console lists name their toolbar alike: ids `<list>-search` / `<list>-org` (tests and labels
 * find the controls by them) and texts under `<list>.list.*`. `list` is that prefix.
 */
type ListName = 'stations' | 'wishes' | 'members' | 'campaigns' | 'partners'

/**
 * The free-text search cell. The box keeps its own text; only a submitted search (button or
 * Enter) reaches `onSearch`, trimmed, so typing does not refetch the list on every key.
 * `initialText` fills it with a search the page restored (from its address, say).
 */
export const ListSearch = ({
  list,
  onSearch,
  initialText = '',
}: {
  list: ListName
  onSearch: (q: string) => void
  initialText?: string
}) => {
  const { t } = useTranslation()
  const [text, setText] = useState(initialText)
  const id = `${list}-search`
  return (
    <ListFilter label={t(`${list}.list.search`)} htmlFor={id} span={{ xs: 24, md: 8 }}>
      <Input.Search
        id={id}
        allowClear
        placeholder={t(`${list}.list.searchPlaceholder`)}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onSearch(v.trim())}
        enterButton={t('common.search')}
      />
    </ListFilter>
  )
}

/** The org filter cell, limited to the current scope (the org switcher's choice). */
export const ListOrgFilter = ({
  list,
  span,
  value,
  onChange,
  allowClear,
}: {
  list: ListName
  span: Span
  value: string | undefined
  onChange: (orgId: string | undefined) => void
  allowClear?: boolean
}) => {
  const { t } = useTranslation()
  const { currentOrgId, currentOrgName } = useSession()
  const id = `${list}-org`
  return (
    <ListFilter label={t(`${list}.list.orgFilter`)} htmlFor={id} span={span}>
      <OrgSelect
        id={id}
        withinOrgId={currentOrgId}
        initialOption={currentOrgId ? { id: currentOrgId, name: currentOrgName ?? '' } : null}
        allowClear={allowClear}
        value={value}
        onChange={onChange}
      />
    </ListFilter>
  )
}

/** A clearable single-choice filter cell. */
export const ListSelectFilter = <V extends string>({
  id,
  label,
  placeholder,
  span,
  value,
  onChange,
  options,
}: {
  id: string
  label: string
  placeholder: string
  span: Span
  value: V | undefined
  onChange: (value: V | undefined) => void
  options: { value: V; label: string }[]
}) => (
  <ListFilter label={label} htmlFor={id} span={span}>
    <Select<V>
      id={id}
      allowClear
      placeholder={placeholder}
      value={value}
      onChange={(v?: V) => onChange(v)}
      options={options}
    />
  </ListFilter>
)

/** Paging of a filtered list: any filter change or new page size starts again on page 1. */
export const useListPage = () => {
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const filtered =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v)
      setPage(1)
    }
  const onPageChange = (p: number, s: number) => {
    setPage(s !== pageSize ? 1 : p)
    setPageSize(s)
  }
  return { page, pageSize, setPage, filtered, onPageChange }
}
