import { useOnChange } from '../../../components/form/use-on-change'
import { MoveOrgBodySchema, type Org } from '@unionhall/contracts'
import { Alert, App, Form, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { parseFormValues } from '../../../components/form/zod-form'
import { OrgSelect } from '../../../components/org-select/org-select'
import { errorMessage } from '../../../lib/error-message'
import { useMoveOrg } from '../api/use-orgs'

type Props = {
  org: Org
  withinOrgId: string | null
  open: boolean
  onClose: (moved?: { org: Org; oldParentId: string | null }) => void
}

/** Move an org under a new parent, picked by searching the current org's subtree. */
export const OrgMoveModal = ({ org, withinOrgId, open, onClose }: Props) => {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ newParentId: string }>()
  const move = useMoveOrg()

  useOnChange(open, () => {
    if (open) {
      move.reset()
      form.resetFields()
    }
  })

  return (
    <Modal
      open={open}
      title={t('orgs.move.title', { name: org.name })}
      okText={t('orgs.move.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={move.isPending}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const body = parseFormValues(t, form, MoveOrgBodySchema, values)
          if (!body) return
          move.mutate(
            { id: org.id, body },
            {
              onSuccess: (moved) => {
                void message.success(t('orgs.move.done'))
                onClose({ org: moved, oldParentId: org.parentId })
              },
            },
          )
        }}
      >
        {move.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={t('orgs.move.failed')}
            description={errorMessage(t, move.error)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item label={t('orgs.move.newParent')} name="newParentId" required>
          <OrgSelect withinOrgId={withinOrgId} excludeId={org.id} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
