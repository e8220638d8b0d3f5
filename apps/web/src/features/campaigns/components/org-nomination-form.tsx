import { PlusOutlined } from '@ant-design/icons'
import type { Campaign } from '@unionhall/contracts'
import {
  Alert,
  Button,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Result,
  Typography,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormRadioGroup } from '../../../components/form/form-radio-group'
import { FormSelect } from '../../../components/form/form-select'
import { parseFormValues, translateIssue, useZodRules } from '../../../components/form/zod-form'
import { ImageListUpload } from '../../../components/image-upload/image-list-upload'
import { permissionsAt } from '../../../lib/permissions'
import { useSession } from '../../../lib/session'
import type { createOrgNomination } from '../api/campaigns-api'
import { useCreateOrgNomination, useEmployerSearch, useNominatingOrgs } from '../api/use-campaigns'
import {
  ORG_NOMINATION_LIMITS as LIMITS,
  OrgNominationBodySchema,
  type OrgNominationField,
  placeServerError,
} from './org-nomination-model'

type Option = { value: string; label: string }
type Created = Awaited<ReturnType<typeof createOrgNomination>>

const k = 'campaigns.nominations.orgNominate'

const useDebounced = (value: string, ms: number) => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const h = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(h)
  }, [value, ms])
  return debounced
}

/**
 * A searchable select whose options come from the server as the user types. The chosen
 * option keeps its label after later searches no longer return it; `fallback` labels a value
 * that was set before any search (a default).
 */
const SearchSelect = ({
  id,
  value,
  onChange,
  options,
  fallback,
  loading,
  onSearch,
  placeholder,
  empty,
}: {
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
  options: Option[]
  fallback?: Option
  loading: boolean
  onSearch: (text: string) => void
  placeholder?: string
  empty: string
}) => {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<Option | null>(null)
  const current = [chosen, fallback].find((o) => o && o.value === value)
  const shown = current && !options.some((o) => o.value === value) ? [current, ...options] : options
  return (
    <FormSelect<string>
      id={id}
      showSearch
      value={value}
      placeholder={placeholder}
      filterOption={false}
      onSearch={onSearch}
      onChange={(v) => {
        setChosen(options.find((o) => o.value === v) ?? null)
        onChange?.(v)
      }}
      loading={loading}
      notFoundContent={loading ? t('common.loading') : empty}
      options={shown}
      style={{ width: '100%' }}
    />
  )
}

/** The orgs in the campaign's subtree the user may nominate for, searched on the server. */
const NominatingOrgSelect = ({
  campaignId,
  initial,
  ...props
}: {
  campaignId: string
  initial: { id: string; name: string }[]
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
}) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 250)
  const found = useNominatingOrgs(campaignId, q, q !== '')
  const items = q ? (found.data?.items ?? []) : initial
  const preset = initial.find((o) => o.id === props.value)
  return (
    <SearchSelect
      {...props}
      options={items.map((o) => ({ value: o.id, label: o.name }))}
      fallback={preset ? { value: preset.id, label: preset.name } : undefined}
      loading={found.isFetching}
      onSearch={setSearch}
      empty={t(`${k}.orgEmpty`)}
    />
  )
}

/** The nominee's employer: any org by name; the server refuses one outside the campaign. */
const EmployerSelect = (props: {
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
}) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 250)
  const found = useEmployerSearch(q)
  const options = useMemo(
    () =>
      (q ? (found.data ?? []) : []).map((o) => ({
        value: o.id,
        label: o.parentName ? `${o.name}（${o.parentName}）` : o.name,
      })),
    [q, found.data],
  )
  return (
    <SearchSelect
      {...props}
      options={options}
      loading={found.isFetching}
      onSearch={setSearch}
      placeholder={t(`${k}.employerPlaceholder`)}
      empty={q ? t(`${k}.orgEmpty`) : t(`${k}.employerPlaceholder`)}
    />
  )
}

const ResultView = ({
  result,
  onAnother,
  onClose,
}: {
  result: Created
  onAnother: () => void
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const title = result.merged
    ? t(`${k}.merged`, { name: result.nomineeName })
    : t(`${k}.created`, { name: result.nomineeName })
  const detail = result.merged
    ? t(`${k}.mergedHint`, { count: result.supporterCount })
    : result.status === 'awaiting_consent'
      ? t(`${k}.consentHint`, { mobile: result.nomineeMobileMasked })
      : t(`${k}.submittedHint`)
  return (
    <div role="status">
      <Result
        status="success"
        title={title}
        subTitle={detail}
        extra={[
          <Button key="another" type="primary" onClick={onAnother}>
            {t(`${k}.another`)}
          </Button>,
          <Button key="close" onClick={onClose}>
            {t(`${k}.close`)}
          </Button>,
        ]}
      />
    </div>
  )
}

type Props = {
  campaign: Campaign
  /** The orgs the user may nominate for, as first listed by the server (shallowest first). */
  orgs: { id: string; name: string }[]
  onClose: () => void
}

/**
 * Nominate on behalf of an org, with its recommendation letter: the worker's nomination fields,
 * checked with the server's contract before sending (OrgNominationBodySchema).
 */
export const OrgNominationForm = ({ campaign, orgs, onClose }: Props) => {
  const { t } = useTranslation()
  const { currentOrgId } = useSession()
  const [form] = Form.useForm()
  const rules = useZodRules(OrgNominationBodySchema)
  const create = useCreateOrgNomination()
  const [alert, setAlert] = useState<string | null>(null)
  const [done, setDone] = useState<Created | null>(null)
  const initialValues = {
    nominatingOrgId: (orgs.find((o) => o.id === currentOrgId) ?? orgs[0])?.id,
    categoryId: campaign.categories.length === 1 ? campaign.categories[0]!.id : undefined,
    photoUrls: [],
  }

  // The letter gets its own rule: left empty it should say why it is needed, not just "required".
  const letterRule = {
    validator: async (_rule: unknown, value: unknown) => {
      const r = OrgNominationBodySchema.shape.recommendationLetter.safeParse(value ?? '')
      const issue = r.error?.issues[0]
      // An empty letter fails with NOMINATION_LETTER_REQUIRED, which reads as that error's text.
      if (issue) throw new Error(translateIssue(t, issue))
    },
  }

  if (done) {
    return (
      <ResultView
        result={done}
        onClose={onClose}
        onAnother={() => {
          setDone(null)
          create.reset()
        }}
      />
    )
  }

  const required = (name: OrgNominationField) => ({ name, rules: rules[name], required: true })

  return (
    <Form
      form={form}
      name="org-nomination"
      aria-label={t(`${k}.action`)}
      layout="vertical"
      initialValues={initialValues}
      scrollToFirstError
      onFinish={(values: Record<string, unknown>) => {
        setAlert(null)
        const body = parseFormValues(t, form, OrgNominationBodySchema, values)
        if (!body) return
        create.mutate(
          { id: campaign.id, body },
          {
            onSuccess: (n) => {
              form.resetFields()
              setDone(n)
            },
            onError: (e) => {
              const placed = placeServerError(t, e)
              if (placed.fields.length > 0) {
                form.setFields(placed.fields)
                form.scrollToField(placed.fields[0]!.name)
              }
              setAlert(placed.alert)
            },
          },
        )
      }}
    >
      {/* Guidance, not an announcement: screen readers should not interrupt with it. */}
      <Alert
        type="info"
        role="note"
        showIcon
        message={t(`${k}.intro`)}
        style={{ marginBottom: 16 }}
      />
      <Form.Item label={t(`${k}.org`)} extra={t(`${k}.orgHint`)} {...required('nominatingOrgId')}>
        <NominatingOrgSelect campaignId={campaign.id} initial={orgs} />
      </Form.Item>
      <Form.Item label={t('campaigns.fields.category')} {...required('categoryId')}>
        <FormSelect<string>
          placeholder={t(`${k}.categoryPlaceholder`)}
          options={campaign.categories.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item label={t(`${k}.name`)} {...required('nomineeName')}>
        <Input maxLength={LIMITS.name} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t(`${k}.mobile`)}
        extra={t(`${k}.mobileHint`)}
        {...required('nomineeMobile')}
      >
        <Input inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t(`${k}.idCard`)}
        extra={t(`${k}.idCardHint`)}
        name="nomineeIdCardNumber"
        rules={rules.nomineeIdCardNumber}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('campaigns.fields.employer')} {...required('employerOrgId')}>
        <EmployerSelect />
      </Form.Item>
      <Form.Item label={t('campaigns.fields.trade')} {...required('trade')}>
        <Input maxLength={LIMITS.trade} />
      </Form.Item>
      <Form.Item label={t(`${k}.years`)} {...required('years')}>
        <InputNumber min={LIMITS.yearsMin} max={LIMITS.yearsMax} precision={0} />
      </Form.Item>
      <Form.Item
        label={t('campaigns.fields.isFrontLine')}
        extra={t(`${k}.frontLineHint`)}
        {...required('isFrontLine')}
      >
        <FormRadioGroup
          aria-label={t('campaigns.fields.isFrontLine')}
          options={[
            { value: true, label: t('campaigns.common.yes') },
            { value: false, label: t('campaigns.common.no') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('campaigns.fields.achievements')}
        extra={t(`${k}.achievementsHint`, { min: LIMITS.achievementsMin })}
        {...required('achievements')}
      >
        <Input.TextArea rows={5} maxLength={LIMITS.achievements} showCount />
      </Form.Item>
      <Form.Item label={t(`${k}.photos`)} name="photoUrls" rules={rules.photoUrls}>
        <ImageListUpload max={LIMITS.photos} alt={t(`${k}.photoAlt`)} />
      </Form.Item>
      <Form.Item label={t(`${k}.video`)} name="videoUrl" rules={rules.videoUrl}>
        <Input type="url" inputMode="url" maxLength={LIMITS.video} placeholder="https://" />
      </Form.Item>
      <Form.Item
        label={t(`${k}.reason`)}
        extra={t(`${k}.reasonHint`, { min: LIMITS.reasonMin })}
        {...required('reason')}
      >
        <Input.TextArea rows={3} maxLength={LIMITS.reason} showCount />
      </Form.Item>
      <Form.Item
        label={t(`${k}.letter`)}
        extra={t(`${k}.letterHint`)}
        name="recommendationLetter"
        rules={[letterRule]}
        required
      >
        <Input.TextArea rows={8} maxLength={LIMITS.letter} showCount />
      </Form.Item>
      {alert ? (
        <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex gap={8} justify="end">
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t(`${k}.submit`)}
        </Button>
      </Flex>
    </Form>
  )
}

/**
 * The "nominate on behalf of an org" button of the nominations tab and its drawer. Shown while
 * the campaign takes nominations, to staff who hold campaign:manage at an org of its subtree.
 */
export const OrgNominationAction = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation()
  const { session } = useSession()
  const screens = Grid.useBreakpoint()
  const [open, setOpen] = useState(false)
  const nominationOpen = campaign.phase === 'nomination'
  // The session names the orgs of its grants but not where they sit in the tree: holding
  // campaign:manage anywhere is reason enough to ask the server which orgs of this campaign
  // it covers (none: a 403, and no button).
  const managesSomewhere = permissionsAt(session, null).has('campaign:manage')
  const orgs = useNominatingOrgs(campaign.id, '', nominationOpen && managesSomewhere)
  const data = orgs.data
  if (!nominationOpen || !managesSomewhere || !data || data.items.length === 0) return null

  // Right-aligned above the filters; nothing at all (no empty bar) when not offered.
  const bar = { justify: 'end', align: 'center', gap: 8, wrap: true, style: { marginBottom: 12 } }
  if (!data.nominatorInScope) {
    return (
      <Flex {...bar}>
        <Button icon={<PlusOutlined />} disabled aria-describedby="org-nominate-blocked">
          {t(`${k}.action`)}
        </Button>
        <Typography.Text type="secondary" id="org-nominate-blocked">
          {t(`${k}.outOfScope`)}
        </Typography.Text>
      </Flex>
    )
  }

  return (
    <Flex {...bar}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t(`${k}.action`)}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={screens.md ? 640 : '100%'}
        title={t(`${k}.title`, { campaign: campaign.name })}
        destroyOnHidden
      >
        <OrgNominationForm campaign={campaign} orgs={data.items} onClose={() => setOpen(false)} />
      </Drawer>
    </Flex>
  )
}
