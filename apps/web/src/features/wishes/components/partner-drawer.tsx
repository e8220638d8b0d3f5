import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { MobileSchema, type WishPartner, WishPartnerNameSchema } from '@unionhall/contracts'
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Skeleton,
  Tag,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { QueryError } from '../../../components/page/query-error'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import {
  addPartnerMember,
  getPartner,
  partnerKeys,
  removePartnerMember,
  updatePartner,
} from '../api/partners-api'

export const PartnerStatusTag = ({ status }: { status: WishPartner['status'] }) => {
  const { t } = useTranslation()
  return (
    // Blue, not green: AntD's green tag text misses WCAG AA contrast (axe, in the E2E run).
    <Tag color={status === 'active' ? 'blue' : 'default'}>{t(`partners.status.${status}`)}</Tag>
  )
}

/**
 * One partner company: its name and status, and the members who claim for it. Staff with
 * wish:manage rename it, archive or reactivate it, and add claimants by the mobile they signed
 * up with or remove them.
 */
export const PartnerDrawer = ({
  partnerId,
  onClose,
}: {
  partnerId: string | null
  onClose: () => void
}) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { can } = useSession()
  const manage = can('wish:manage')
  const qc = useQueryClient()
  const [nameForm] = Form.useForm<{ name: string }>()
  const [memberForm] = Form.useForm<{ mobile: string }>()
  const detail = useQuery({
    queryKey: partnerKeys.detail(partnerId ?? ''),
    queryFn: ({ signal }) => getPartner(partnerId!, signal),
    enabled: partnerId !== null,
  })
  const p = detail.data
  // Every change answers the whole partner: show it at once, and refresh the list behind.
  const done = (text: string) => (next: WishPartner) => {
    qc.setQueryData(partnerKeys.detail(next.id), next)
    void qc.invalidateQueries({ queryKey: [...partnerKeys.all, 'list'] })
    void message.success(text)
  }
  const rename = useMutation({
    mutationFn: updatePartner,
    onSuccess: done(t('partners.drawer.renamed')),
  })
  const setStatus = useMutation({ mutationFn: updatePartner })
  const add = useMutation({
    mutationFn: addPartnerMember,
    onSuccess: (next) => {
      done(t('partners.drawer.added'))(next)
      memberForm.resetFields()
    },
  })
  const remove = useMutation({
    mutationFn: removePartnerMember,
    onSuccess: done(t('partners.drawer.removed')),
  })
  const failure = rename.error ?? setStatus.error ?? add.error ?? remove.error

  return (
    <Drawer
      open={partnerId !== null}
      onClose={onClose}
      width={560}
      title={p ? p.name : t('partners.drawer.title')}
      destroyOnHidden
    >
      {detail.isError ? (
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}
      {detail.isLoading ? <Skeleton active /> : null}
      {p ? (
        <>
          {failure ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={errorMessage(t, failure)}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('partners.fields.org')}>{p.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('partners.fields.status')}>
              <PartnerStatusTag status={p.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('partners.fields.claims')}>
              {t('partners.drawer.claims', { claims: p.claims, delivered: p.delivered })}
            </Descriptions.Item>
            <Descriptions.Item label={t('partners.fields.createdAt')}>
              {formatDateTime(p.createdAt)}
            </Descriptions.Item>
          </Descriptions>

          {manage ? (
            <Form<{ name: string }>
              form={nameForm}
              layout="inline"
              initialValues={{ name: p.name }}
              onFinish={(v) => rename.mutate({ id: p.id, body: { name: v.name.trim() } })}
              style={{ marginBottom: 16, rowGap: 8 }}
            >
              <Form.Item
                name="name"
                label={t('partners.fields.name')}
                rules={[
                  { required: true, whitespace: true, message: t('partners.create.nameRequired') },
                  {
                    validator: (_, v: string | undefined) =>
                      !v || WishPartnerNameSchema.safeParse(v).success
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('partners.create.nameLength'))),
                  },
                ]}
              >
                <Input maxLength={60} style={{ width: 260 }} />
              </Form.Item>
              <Form.Item>
                <Button htmlType="submit" loading={rename.isPending}>
                  {t('partners.drawer.rename')}
                </Button>
              </Form.Item>
            </Form>
          ) : null}
          {manage ? (
            <Flex gap={8} style={{ marginBottom: 24 }}>
              {p.status === 'active' ? (
                <Popconfirm
                  title={t('partners.drawer.archive')}
                  description={t('partners.drawer.archiveConfirm')}
                  onConfirm={() =>
                    setStatus.mutate(
                      { id: p.id, body: { status: 'archived' } },
                      { onSuccess: done(t('partners.drawer.archived')) },
                    )
                  }
                >
                  <Button danger loading={setStatus.isPending}>
                    {t('partners.drawer.archive')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  loading={setStatus.isPending}
                  onClick={() =>
                    setStatus.mutate(
                      { id: p.id, body: { status: 'active' } },
                      { onSuccess: done(t('partners.drawer.reactivated')) },
                    )
                  }
                >
                  {t('partners.drawer.reactivate')}
                </Button>
              )}
            </Flex>
          ) : null}

          <Typography.Title level={5}>{t('partners.drawer.members')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('partners.drawer.membersHint')}
          </Typography.Paragraph>
          {p.members.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('partners.drawer.noMembers')}
            />
          ) : (
            <List
              size="small"
              dataSource={p.members}
              renderItem={(m) => (
                <List.Item
                  actions={
                    manage
                      ? [
                          <Popconfirm
                            key="remove"
                            title={t('partners.drawer.remove')}
                            description={t('partners.drawer.removeConfirm', { name: m.name })}
                            onConfirm={() => remove.mutate({ id: p.id, memberId: m.memberId })}
                          >
                            <Button
                              size="small"
                              danger
                              aria-label={`${t('partners.drawer.remove')} ${m.name}`}
                            >
                              {t('partners.drawer.remove')}
                            </Button>
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  {m.name} {m.mobileMasked}
                </List.Item>
              )}
            />
          )}
          {manage ? (
            <Form<{ mobile: string }>
              form={memberForm}
              layout="vertical"
              onFinish={(v) => add.mutate({ id: p.id, mobile: v.mobile.trim() })}
              style={{ marginTop: 16 }}
            >
              <Form.Item
                name="mobile"
                label={t('partners.drawer.addMobile')}
                extra={t('partners.drawer.addMobileHint')}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      v && MobileSchema.safeParse(v.trim()).success
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('partners.drawer.mobileInvalid'))),
                  },
                ]}
              >
                <Input
                  inputMode="numeric"
                  maxLength={11}
                  autoComplete="off"
                  style={{ width: 200 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                {t('partners.drawer.add')}
              </Button>
            </Form>
          ) : null}
        </>
      ) : null}
    </Drawer>
  )
}
