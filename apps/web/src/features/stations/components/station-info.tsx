import type { Station } from '@unionhall/contracts'
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Image,
  List,
  Row,
  Tag,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../lib/error-message'
import { formatDateTime } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { useRevealStationContact } from '../api/use-stations'
import { stationLabels, titleSaysKind } from '../lib/station-labels'
import { ScheduleTable } from './schedule-table'
import { OpenNowBadge } from './stations-table'

/** The "基本信息" tab: what the station is, when it is open, what it offers. */
export const StationInfo = ({ station: s }: { station: Station }) => {
  const { t } = useTranslation()
  const l = stationLabels(t)
  const { can } = useSession()
  const reveal = useRevealStationContact()
  const revealed = reveal.data && reveal.variables === s.id ? reveal.data : null

  return (
    <Row gutter={[16, 16]}>
      {s.status === 'closed' ? (
        <Col xs={24}>
          <Alert
            type="warning"
            showIcon
            message={t('stations.detail.closedNotice')}
            description={s.closedReason ?? undefined}
          />
        </Col>
      ) : null}
      <Col xs={24} lg={12}>
        <Card title={t('stations.detail.summary')}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'org', label: t('stations.fields.org'), children: s.orgName },
              { key: 'kind', label: t('stations.fields.kind'), children: l.kind(s.kind) },
              {
                key: 'open',
                label: t('stations.fields.openNow'),
                children: (
                  <OpenNowBadge station={{ ...s, alwaysOpen: s.schedule.alwaysOpen === true }} />
                ),
              },
              { key: 'address', label: t('stations.fields.address'), children: s.address },
              {
                key: 'coords',
                label: t('stations.detail.coordinates'),
                children: t('stations.detail.coordinatesValue', {
                  lat: s.lat.toFixed(6),
                  lng: s.lng.toFixed(6),
                }),
              },
              { key: 'capacity', label: t('stations.fields.capacity'), children: s.capacity },
              {
                key: 'contact',
                label: t('stations.fields.contact'),
                children: (
                  <Flex vertical gap={4}>
                    <span data-testid="station-contact">
                      {revealed
                        ? `${revealed.contactName} ${revealed.contactMobile}`
                        : `${s.contactName} ${s.contactMobileMasked}`}
                    </span>
                    {revealed || !can('station:manage') ? null : (
                      <div>
                        <Button
                          size="small"
                          loading={reveal.isPending}
                          onClick={() => reveal.mutate(s.id)}
                        >
                          {t('stations.detail.revealContact')}
                        </Button>
                      </div>
                    )}
                    {can('station:manage') ? (
                      <Typography.Text type="secondary">
                        {t('stations.detail.revealAudited')}
                      </Typography.Text>
                    ) : null}
                    {reveal.error ? (
                      <Typography.Text type="danger" role="alert">
                        {errorMessage(t, reveal.error)}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              {
                key: 'dutyPhone',
                label: t('stations.fields.dutyPhone'),
                children: s.dutyPhone ?? (
                  <Typography.Text type="secondary">{t('stations.detail.none')}</Typography.Text>
                ),
              },
              {
                key: 'updated',
                label: t('stations.detail.updatedAt'),
                children: formatDateTime(s.updatedAt),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('stations.form.schedule')}>
          <ScheduleTable schedule={s.schedule} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('stations.fields.amenities')}>
          {s.amenities.length === 0 ? (
            <Typography.Text type="secondary">{t('stations.detail.none')}</Typography.Text>
          ) : (
            <Flex wrap gap={4} data-testid="station-amenities">
              {s.amenities.map((c) => (
                <Tag key={c} color="blue">
                  {l.amenity(c)}
                </Tag>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('stations.fields.zones')}>
          {s.zones.length === 0 ? (
            <Typography.Text type="secondary">{t('stations.detail.none')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={s.zones}
              renderItem={(z) => (
                <List.Item>
                  <Typography.Text strong>{l.zone(z.kind)}</Typography.Text>
                  {z.note ? <span style={{ marginInlineStart: 8 }}>{z.note}</span> : null}
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('stations.form.services')}>
          {s.services.length === 0 ? (
            <Typography.Text type="secondary">{t('stations.detail.none')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={s.services}
              renderItem={(v) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      titleSaysKind(v.title, l.serviceKind(v.kind))
                        ? v.title
                        : t('stations.detail.serviceTitle', {
                            title: v.title,
                            kind: l.serviceKind(v.kind),
                          })
                    }
                    description={
                      <>
                        {v.dates.length > 0
                          ? v.dates.join(t('common.listSeparator'))
                          : t('stations.detail.serviceOngoing')}
                        {v.note ? ` · ${v.note}` : ''}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('stations.fields.photos')}>
          {s.photos.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stations.detail.none')} />
          ) : (
            <Image.PreviewGroup>
              <Flex wrap gap={8}>
                {s.photos.map((url, i) => (
                  <Image
                    key={url}
                    src={url}
                    width={120}
                    height={90}
                    style={{ objectFit: 'cover' }}
                    alt={t('stations.detail.photoAlt', { name: s.name, n: i + 1 })}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
        </Card>
      </Col>
      {s.description ? (
        <Col xs={24}>
          <Card title={t('stations.fields.description')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {s.description}
            </Typography.Paragraph>
          </Card>
        </Col>
      ) : null}
    </Row>
  )
}
