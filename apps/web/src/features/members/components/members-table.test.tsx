import type { Member } from '@unionhall/contracts'
import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { MembersTable } from './members-table'

const member: Member = {
  id: '01a2270b-8160-7316-b26d-70e6d4c0611e',
  name: '丁娜伟',
  mobileMasked: '139****0241',
  idCardMasked: '620***********2409',
  orgId: '01a2270b-7d6c-781f-9163-4e23587dcb34',
  orgName: '兰州市总工会',
  status: 'active',
  politicalStatus: 'cpc_probationary_member',
  createdAt: '2026-11-29T11:23:14.057Z',
}

const props = {
  items: [member],
  total: 1,
  totalCapped: false,
  page: 1,
  pageSize: 20,
  loading: false,
  onPageChange: vi.fn(),
  onEdit: vi.fn(),
}

describe('MembersTable', { timeout: 30_000 }, () => {
  it('renders masked rows and the total', () => {
    renderWithProviders(<MembersTable {...props} />, makeSession(['member:read']))
    const table = screen.getByTestId('members-table')
    expect(table.textContent).toContain('丁娜伟')
    expect(table.textContent).toContain('139****0241')
    expect(screen.getByText('共 1 人')).toBeTruthy()
  })

  it('shows the political status in words (政治面貌)', () => {
    renderWithProviders(<MembersTable {...props} />, makeSession(['member:read']))
    expect(screen.getByRole('columnheader', { name: '政治面貌' })).toBeTruthy()
    expect(screen.getByTestId('members-table').textContent).toContain('中共预备党员')
  })

  it('hides the edit action without member:manage', () => {
    renderWithProviders(<MembersTable {...props} />, makeSession(['member:read']))
    expect(screen.queryByRole('button', { name: '编辑 丁娜伟' })).toBeNull()
  })

  it('shows the edit action with member:manage', () => {
    renderWithProviders(<MembersTable {...props} />, makeSession(['member:read', 'member:manage']))
    expect(screen.getByRole('button', { name: '编辑 丁娜伟' })).toBeTruthy()
  })

  it('shows "1,000+" when the total is capped', () => {
    renderWithProviders(
      <MembersTable {...props} total={1000} totalCapped />,
      makeSession(['member:read']),
    )
    expect(screen.getByText('超过 1,000 人')).toBeTruthy()
  })
})
