import { useOnChange } from '../../../components/form/use-on-change'
import {
  CreateOrgBodySchema,
  type Org,
  type OrgKind,
  UpdateOrgBodySchema,
} from '@unionhall/contracts'
import { Alert, App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { FormSelect } from '../../../components/form/form-select'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { errorMessage } from '../../../lib/error-message'
import { useCreateOrg, useUpdateOrg } from '../api/use-orgs'
import { orgKindOptions } from './org-kind'

type Props =
  | {
      mode: 'create'
      parent: { id: string; name: string }
      open: boolean
      onClose: (created?: Org) => void
    }
  | { mode: 'edit'; org: Org; open: boolean; onClose: (updated?: Org) => void }

type Values = { name: string; kind: OrgKind }

/** Create a child org, or rename / change the kind of an org. */
export const OrgFormModal = (props: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const rules = useZodRules(UpdateOrgBodySchema)
  const create = useCreateOrg()
  const update = useUpdateOrg()
  const mutation = props.mode === 'create' ? create : update

  useOnChange(props.open, () => {
    if (!props.open) return
    create.reset()
    update.reset()
    if (props.mode === 'edit') form.setFieldsValue({ name: props.org.name, kind: props.org.kind })
    else form.setFieldsValue({ name: '', kind: 'enterprise_union' })
  })

  const onFinish = (values: Values) => {
    if (props.mode === 'create') {
      const body = parseFormValues(t, form, CreateOrgBodySchema, {
        ...values,
        parentId: props.parent.id,
      })
      if (!body) return
      create.mutate(body, {
        onSuccess: (org) => {
          void message.success(t('orgs.form.created'))
          props.onClose(org)
        },
      })
    } else {
      const body = parseFormValues(t, form, UpdateOrgBodySchema, values)
      if (!body) return
      update.mutate(
        { id: props.org.id, body },
        {
          onSuccess: (org) => {
            void message.success(t('common.saved'))
            props.onClose(org)
          },
        },
      )
    }
  }

  return (
    <Modal
      open={props.open}
      title={
        props.mode === 'create'
          ? t('orgs.form.createTitle', { parent: props.parent.name })
          : t('orgs.form.editTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onCancel={() => props.onClose()}
      onOk={() => form.submit()}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {mutation.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, mutation.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('orgs.form.name')} name="name" rules={rules.name} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('orgs.form.kind')} name="kind" rules={rules.kind} required>
          <FormSelect options={orgKindOptions(t)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
