import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  type CreateStationBody,
  LatitudeSchema,
  LongitudeSchema,
  type Station,
  type UpdateStationBody,
} from '@unionhall/contracts'
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
} from 'antd'
import type { Rule } from 'antd/es/form'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormSelect } from '../../../components/form/form-select'
import { useOnChange } from '../../../components/form/use-on-change'
import { ImageListUpload } from '../../../components/image-upload/image-list-upload'
import { OrgSelect } from '../../../components/org-select/org-select'
import { errorMessage } from '../../../lib/error-message'
import {
  checkCreate,
  checkUpdate,
  defaultValues,
  serverFieldErrors,
  type StationFormValues,
  valuesOf,
} from '../lib/station-form-model'
import { stationOptions } from '../lib/station-labels'
import { ScheduleEditor } from './schedule-editor'

type Common = {
  submitting: boolean
  /** The server's refusal of the last save: VALIDATION_FAILED details go to their fields. */
  submitError: unknown
  onCancel: () => void
}

type Props =
  | (Common & {
      mode: 'create'
      scope: { id: string; name: string } | null
      onSubmit: (body: CreateStationBody) => void
    })
  | (Common & {
      mode: 'edit'
      station: Station
      scope: { id: string; name: string } | null
      onSubmit: (body: UpdateStationBody) => void
    })

const DATE = 'YYYY-MM-DD'
const datesValueProps = (v: unknown) => ({
  value: Array.isArray(v) ? (v as string[]).map((d) => dayjs(d, DATE)) : [],
})
const normalizeDates = (ds: Dayjs[] | null) => (ds ?? []).map((d) => d.format(DATE))

/** A field rule from a contract number schema, so a range error shows while typing. */
const rangeRule = (schema: typeof LatitudeSchema, message: string): Rule => ({
  validator: async (_r, value: unknown) => {
    if (value === null || value === undefined) return
    if (!schema.safeParse(value).success) throw new Error(message)
  },
})

type Path = (string | number)[]

/** The fields and list rows (paths ending in an index) that a `changedValues` object touches. */
const isLeaf = (v: unknown) => v === null || typeof v !== 'object' || dayjs.isDayjs(v)

const changedRows = (changed: unknown, at: Path = []): Path[] => {
  if (Array.isArray(changed)) {
    // A list of plain values (amenities) is one field; a list of rows is one field per row.
    if (at.length > 0 && changed.every(isLeaf)) return [at]
    return changed.flatMap((v, i) =>
      v === undefined ? [] : [[...at, i], ...changedRows(v, [...at, i])],
    )
  }
  if (changed && typeof changed === 'object' && !dayjs.isDayjs(changed)) {
    // A plain field (name, mobile, lat…) is its own path: its error goes once it is edited.
    return Object.entries(changed).flatMap(([k, v]) =>
      isLeaf(v) ? [[...at, k]] : changedRows(v, [...at, k]),
    )
  }
  return []
}

const startsWith = (name: Path, prefix: Path) => prefix.every((p, i) => name[i] === p)

/** Create and edit form of a station (one component, two bodies). */
export const StationForm = (props: Props) => {
  const { t } = useTranslation()
  // Untyped: field errors arrive with paths built at run time (server details).
  const [form] = Form.useForm()
  const [unplaced, setUnplaced] = useState<string[]>([])
  const options = stationOptions(t)
  const station = props.mode === 'edit' ? props.station : null
  const zones = (Form.useWatch('zones', form) ?? []) as unknown[]

  useOnChange(station ? `${station.id}|${station.updatedAt}` : 'new', () => {
    form.resetFields()
    form.setFieldsValue(station ? valuesOf(station) : defaultValues(props.scope?.id))
  })

  useOnChange(props.submitError, () => {
    const { fields, unplaced: rest } = serverFieldErrors(t, props.submitError)
    if (fields.length > 0) form.setFields(fields)
    setUnplaced(rest)
  })

  /** Errors from the last check or save are stale once the user submits again. */
  const clearErrors = () =>
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length > 0)
        .map((f) => ({ name: f.name, errors: [] })),
    )

  // An overlap is reported on one field of a row but may be fixed in another (the day, the
  // start): a change anywhere in a row clears that row's errors.
  const onValuesChange = (changed: Record<string, unknown>) => {
    const rows = changedRows(changed)
    if (rows.length === 0) return
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length > 0 && rows.some((r) => startsWith(f.name, r)))
        .map((f) => ({ name: f.name, errors: [] })),
    )
  }

  const submit = () => {
    clearErrors()
    setUnplaced([])
    const values = form.getFieldsValue(true) as StationFormValues
    if (props.mode === 'create') {
      const checked = checkCreate(t, values)
      if (!checked.ok) return form.setFields(checked.errors)
      props.onSubmit(checked.body)
    } else {
      const checked = checkUpdate(t, values, props.station)
      if (!checked.ok) return form.setFields(checked.errors)
      props.onSubmit(checked.body)
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      onValuesChange={onValuesChange}
      // A long form: Enter in a field (confirming a typed date, a time) must not save it.
      onKeyDown={(e) => {
        const target = e.target as HTMLElement
        if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault()
      }}
      aria-label={
        props.mode === 'create' ? t('stations.form.createTitle') : t('stations.form.editTitle')
      }
      scrollToFirstError
    >
      <Card title={t('stations.form.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {station ? (
              // A station stays with its org (PATCH has no orgId); shown, not editable.
              <Form.Item label={t('stations.fields.org')} htmlFor="station-org">
                <Input id="station-org" value={station.orgName} disabled />
              </Form.Item>
            ) : (
              <Form.Item label={t('stations.fields.org')} name="orgId" required>
                <OrgSelect withinOrgId={props.scope?.id ?? null} initialOption={props.scope} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('stations.fields.name')} name="name" required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('stations.fields.kind')} name="kind" required>
              <FormSelect options={options.kinds} placeholder={t('validation.choose')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('stations.fields.capacity')} name="capacity" required>
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('stations.fields.address')} name="address" required>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('stations.fields.coordSystem')}
              name="coordSystem"
              extra={
                station
                  ? t('stations.form.coordSystemEditHelp')
                  : t('stations.form.coordSystemHelp')
              }
            >
              <Select options={options.coordSystems} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={t('stations.fields.lat')}
              name="lat"
              required
              rules={[rangeRule(LatitudeSchema, t('stations.problems.latRange'))]}
            >
              <InputNumber step={0.000001} placeholder="22.720000" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label={t('stations.fields.lng')}
              name="lng"
              required
              rules={[rangeRule(LongitudeSchema, t('stations.problems.lngRange'))]}
            >
              <InputNumber step={0.000001} placeholder="114.240000" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('stations.form.schedule')} style={{ marginBottom: 16 }}>
        <ScheduleEditor />
      </Card>

      <Card title={t('stations.form.facilities')} style={{ marginBottom: 16 }}>
        <Form.Item label={t('stations.fields.amenities')} name="amenities">
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 8]}>
              {options.amenities.map((o) => (
                <Col key={o.value} xs={12} sm={8} md={6}>
                  <Checkbox value={o.value}>{o.label}</Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item label={t('stations.fields.zones')}>
          <Form.List name="zones">
            {(fields, { add, remove }) => (
              <div role="group" aria-label={t('stations.fields.zones')}>
                {fields.map(({ key, name }) => (
                  <Flex key={key} gap={8} wrap align="flex-start">
                    <Form.Item name={[name, 'kind']} style={{ marginBottom: 8 }}>
                      <FormSelect
                        aria-label={t('stations.form.zoneKindOf', { n: name + 1 })}
                        options={options.zones}
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[name, 'note']}
                      style={{ marginBottom: 8, flex: 1, minWidth: 200 }}
                    >
                      <Input
                        aria-label={t('stations.form.zoneNoteOf', { n: name + 1 })}
                        placeholder={t('stations.form.zoneNotePlaceholder')}
                        maxLength={200}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                      aria-label={t('stations.form.removeZone', { n: name + 1 })}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={zones.length >= options.zones.length}
                  onClick={() => {
                    const used = new Set(
                      (form.getFieldValue('zones') as { kind?: string }[]).map((z) => z.kind),
                    )
                    add({ kind: options.zones.find((o) => !used.has(o.value))?.value, note: '' })
                  }}
                >
                  {t('stations.form.addZone')}
                </Button>
              </div>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('stations.fields.photos')} name="photos">
          <ImageListUpload max={9} alt={t('stations.fields.photos')} />
        </Form.Item>
      </Card>

      <Card title={t('stations.form.contact')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('stations.fields.contactName')} name="contactName" required>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('stations.fields.contactMobile')}
              name="contactMobile"
              required={!station}
              extra={
                station
                  ? t('stations.form.mobileKeep', { masked: station.contactMobileMasked })
                  : undefined
              }
            >
              <Input maxLength={11} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {/* Public, unlike the mobile above: shown in full to workers, who call it. */}
            <Form.Item
              label={t('stations.fields.dutyPhone')}
              name="dutyPhone"
              extra={t('stations.form.dutyPhoneHelp')}
            >
              <Input
                maxLength={30}
                inputMode="tel"
                autoComplete="off"
                placeholder={t('stations.form.dutyPhonePlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('stations.form.services')} style={{ marginBottom: 16 }}>
        <Form.List name="services">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map(({ key, name }) => (
                <Card key={key} size="small" data-testid="service-row">
                  <Row gutter={8}>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[name, 'kind']}
                        label={t('stations.fields.serviceKind')}
                        style={{ marginBottom: 8 }}
                      >
                        <FormSelect options={options.serviceKinds} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[name, 'title']}
                        label={t('stations.fields.serviceTitle')}
                        style={{ marginBottom: 8 }}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[name, 'dates']}
                        label={t('stations.fields.serviceDates')}
                        getValueProps={datesValueProps}
                        normalize={normalizeDates}
                        extra={t('stations.form.serviceDatesHelp')}
                        style={{ marginBottom: 8 }}
                      >
                        <DatePicker multiple style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Flex gap={8} align="flex-start">
                        <Form.Item
                          name={[name, 'note']}
                          label={t('stations.fields.serviceNote')}
                          style={{ marginBottom: 0, flex: 1 }}
                        >
                          <Input maxLength={300} />
                        </Form.Item>
                        <Button
                          danger
                          type="link"
                          onClick={() => remove(name)}
                          style={{ marginTop: 30 }}
                        >
                          {t('stations.form.removeService')}
                        </Button>
                      </Flex>
                    </Col>
                  </Row>
                </Card>
              ))}
              <div>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={fields.length >= 30}
                  onClick={() =>
                    add({ kind: 'health_consultation', title: '', dates: [], note: '' })
                  }
                >
                  {t('stations.form.addService')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
      </Card>

      <Card title={t('stations.fields.description')} style={{ marginBottom: 16 }}>
        <Form.Item name="description" style={{ marginBottom: 0 }}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            aria-label={t('stations.fields.description')}
          />
        </Form.Item>
      </Card>

      {props.submitError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('stations.form.saveFailed')}
          description={
            <>
              <div>{errorMessage(t, props.submitError)}</div>
              {unplaced.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {unplaced.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              ) : null}
            </>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={props.submitting}>
          {t('common.save')}
        </Button>
        <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  )
}
