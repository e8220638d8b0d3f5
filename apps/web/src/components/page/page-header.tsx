import { Flex, Typography } from 'antd'
import type { ReactNode } from 'react'

/** Each page's one <h1>, with optional actions on the right. */
export const PageHeader = ({ title, extra }: { title: string; extra?: ReactNode }) => (
  <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
    <Typography.Title level={1} style={{ margin: 0, fontSize: '1.5em' }}>
      {title}
    </Typography.Title>
    {extra ? (
      <Flex gap={8} wrap>
        {extra}
      </Flex>
    ) : null}
  </Flex>
)
