import type { ContactReveal } from '@unionhall/contracts'
import { useMutation } from '@tanstack/react-query'
import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'

/**
 * A masked mobile with a button that fetches the full number: each click is an audited read on
 * the server, so the number is fetched only when staff ask for it, and never kept beyond the
 * component.
 */
export const RevealContact = ({
  masked,
  reveal,
  label,
}: {
  masked: string
  reveal: () => Promise<ContactReveal>
  /** Names whose number it is, for screen readers ("群众甲的完整号码"). */
  label: string
}) => {
  const { t } = useTranslation()
  const read = useMutation({ mutationFn: reveal })
  return (
    <Flex vertical gap={2}>
      <span>{read.data ? read.data.mobile : masked}</span>
      {read.data ? null : (
        <div>
          <Button
            size="small"
            type="link"
            style={{ padding: 0 }}
            loading={read.isPending}
            aria-label={t('campaigns.contact.revealFor', { name: label })}
            onClick={() => read.mutate()}
          >
            {t('campaigns.contact.reveal')}
          </Button>
        </div>
      )}
      {read.error ? (
        <Typography.Text type="danger" role="alert">
          {errorMessage(t, read.error)}
        </Typography.Text>
      ) : null}
    </Flex>
  )
}
