import { useOnChange } from '../../../components/form/use-on-change'
import { type Member, UpdateMemberBodySchema } from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Grid,
  Input,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { FormSelect } from '../../../components/form/form-select'
import { parseFormValues, useZodRules } from '../../../components/form/zod-form'
import { Can } from '../../../components/page/can'
import { useSession } from '../../../lib/session'
import { OrgSelect } from '../../../components/org-select/org-select'
import { errorMessage } from '../../../lib/error-message'
import { useMemberHonours, useRevealPersonalData, useUpdateMember } from '../api/use-members'
import { memberStatusOptions, politicalStatusOptions } from './member-status'

type Props = {
  member: Member | null
  scopeOrgId: string | null
  onClose: () => void
}

export const MemberEditDrawer = ({ member, scopeOrgId, onClose }: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const screens = Grid.useBreakpoint()
  const [form] = Form.useForm<{
    name: string
    orgId: string
    status: Member['status']
    politicalStatus: Member['politicalStatus']
  }>()
  const rules = useZodRules(UpdateMemberBodySchema)
  const update = useUpdateMember()
  const reveal = useRevealPersonalData()
  const { can } = useSession()
  const honours = useMemberHonours(member?.id ?? null, can('campaign:read'))

  useOnChange(member, () => {
    if (!member) return
    update.reset()
    reveal.reset()
    form.setFieldsValue({
      name: member.name,
      orgId: member.orgId,
      status: member.status,
      politicalStatus: member.politicalStatus,
    })
  })

  return (
    <Drawer
      open={member !== null}
      onClose={onClose}
      title={t('members.edit.title')}
      width={screens.md ? 480 : '100%'}
      forceRender
      extra={
        <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (!member) return
          const body = parseFormValues(t, form, UpdateMemberBodySchema, values)
          if (!body) return
          update.mutate(
            { id: member.id, body },
            {
              onSuccess: () => {
                void message.success(t('common.saved'))
                onClose()
              },
            },
          )
        }}
      >
        {update.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={errorMessage(t, update.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('members.fields.name')} name="name" rules={rules.name} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label={t('members.fields.org')} name="orgId" rules={rules.orgId} required>
          <OrgSelect
            withinOrgId={scopeOrgId}
            initialOption={member ? { id: member.orgId, name: member.orgName } : null}
          />
        </Form.Item>
        <Form.Item label={t('members.fields.status')} name="status" rules={rules.status} required>
          <FormSelect options={memberStatusOptions(t)} />
        </Form.Item>
        <Form.Item
          label={t('members.fields.politicalStatus')}
          name="politicalStatus"
          rules={rules.politicalStatus}
          extra={t('members.fields.politicalStatusHint')}
          required
        >
          <FormSelect options={politicalStatusOptions(t)} />
        </Form.Item>
      </Form>
      {honours.data && honours.data.length > 0 ? (
        <>
          <Divider />
          <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
            {t('members.honours.title')}
          </Typography.Title>
          <ul aria-label={t('members.honours.title')} style={{ paddingInlineStart: 20 }}>
            {honours.data.map((h) => (
              <li key={h.id}>
                {t('members.honours.item', {
                  title: h.title,
                  year: h.year,
                  category: h.categoryName,
                  org: h.orgName,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Divider />
      <Typography.Title level={2} style={{ fontSize: '1.1em' }}>
        {t('members.personal.title')}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('members.fields.mobile')}>
          {reveal.data?.mobile ?? member?.mobileMasked}
        </Descriptions.Item>
        <Descriptions.Item label={t('members.fields.idCardNumber')}>
          {(reveal.data ? reveal.data.idCardNumber : member?.idCardMasked) ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <Can permission="member:read-personal">
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          {!reveal.data ? (
            <Button loading={reveal.isPending} onClick={() => member && reveal.mutate(member.id)}>
              {t('members.personal.reveal')}
            </Button>
          ) : null}
          <Typography.Text type="secondary">{t('members.personal.auditNotice')}</Typography.Text>
          {reveal.error ? (
            <Alert type="error" showIcon message={errorMessage(t, reveal.error)} />
          ) : null}
        </Flex>
      </Can>
    </Drawer>
  )
}
