import { useOnChange } from '../../../components/form/use-on-change'
import { type CreateRoleGrantBody, CreateRoleGrantBodySchema, ROLES } from '@unionhall/contracts'
import { Alert, App, Form, Modal, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormSelect } from '../../../components/form/form-select'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { OrgSelect } from '../../../components/org-select/org-select'
import { errorMessage } from '../../../lib/error-message'
import { useCreateRoleGrant, useMemberSearch } from '../api/use-role-grants'

type Props = {
  open: boolean
  onClose: () => void
  scope: { id: string; name: string } | null
}

const MemberPicker = ({
  id,
  value,
  onChange,
  scopeOrgId,
}: {
  id?: string
  value?: string
  onChange?: (v: string) => void
  scopeOrgId: string | null
}) => {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q, setQ] = useState('')
  useEffect(() => {
    const h = setTimeout(() => setQ(search.trim()), 300)
    return () => clearTimeout(h)
  }, [search])
  const members = useMemberSearch(scopeOrgId, q)
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      onSearch={setSearch}
      filterOption={false}
      placeholder={t('roles.grant.memberPlaceholder')}
      loading={members.isFetching}
      notFoundContent={q ? t('roles.grant.memberEmpty') : null}
      options={(members.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.name} · ${m.mobileMasked} · ${m.orgName}`,
      }))}
    />
  )
}

/** Grant a role: pick a member (search), an org in my subtree and a role. */
export const GrantRoleModal = ({ open, onClose, scope }: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateRoleGrantBody>()
  const rules = useZodRules(CreateRoleGrantBodySchema)
  const create = useCreateRoleGrant()

  useOnChange(open, () => {
    if (!open) return
    create.reset()
    form.resetFields()
    if (scope) form.setFieldsValue({ orgId: scope.id })
  })

  return (
    <Modal
      open={open}
      title={t('roles.grant.title')}
      okText={t('roles.grant.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const body = parseFormValues(t, form, CreateRoleGrantBodySchema, values)
          if (!body) return
          create.mutate(body, {
            onSuccess: () => {
              void message.success(t('roles.grant.done'))
              onClose()
            },
          })
        }}
      >
        {create.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, create.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('roles.fields.member')} name="memberId" rules={rules.memberId} required>
          <MemberPicker scopeOrgId={scope?.id ?? null} />
        </Form.Item>
        <Form.Item label={t('roles.fields.org')} name="orgId" rules={rules.orgId} required>
          <OrgSelect withinOrgId={scope?.id ?? null} initialOption={scope} />
        </Form.Item>
        <Form.Item label={t('roles.fields.role')} name="role" rules={rules.role} required>
          <FormSelect
            placeholder={t('roles.grant.rolePlaceholder')}
            options={ROLES.map((r) => ({ value: r, label: t(`roles.names.${r}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
