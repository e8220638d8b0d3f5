import type { Member } from '@unionhall/contracts'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { makeSession, renderWithProviders } from '../../../test/render'
import { MemberCreateModal } from './member-create-modal'
import { MemberEditDrawer } from './member-edit-drawer'

const ORG = '01a2270b-7d6a-7c12-abf4-7ce3e28e9562'
const member: Member = {
  id: '01a2270b-8160-7316-b26d-70e6d4c0611e',
  name: '钱卫国',
  mobileMasked: '136****0012',
  idCardMasked: null,
  orgId: ORG,
  orgName: '甘肃省总工会',
  status: 'active',
  politicalStatus: 'unknown',
  createdAt: '2026-11-29T11:23:14.057Z',
}
const SLOW = { timeout: 10_000 }

/** Answers member writes with the member as changed; records each write's body. */
const serve = () => {
  const writes: { method: string; url: string; body: Record<string, unknown> }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      if (method !== 'GET') {
        const body = JSON.parse((init?.body as string | undefined) ?? '{}') as Record<
          string,
          unknown
        >
        writes.push({ method, url, body })
        return Promise.resolve(
          new Response(JSON.stringify({ ...member, ...body }), {
            status: method === 'POST' ? 201 : 200,
            headers: { 'content-type': 'application/json' },
          }),
        )
      }
      // Org options and the like: nothing needed here.
      return Promise.resolve(
        new Response(JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      )
    }),
  )
  return writes
}

const pick = async (label: string, option: string) => {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }))
  const listbox = await screen.findAllByTitle(option, {}, SLOW)
  fireEvent.click(listbox.at(-1)!)
}

afterEach(() => vi.unstubAllGlobals())

describe('the member form (政治面貌)', { timeout: 60_000 }, () => {
  it('edit: shows the status on record and saves the one staff choose', async () => {
    const writes = serve()
    renderWithProviders(
      <MemberEditDrawer member={member} scopeOrgId={ORG} onClose={vi.fn()} />,
      makeSession(['member:read', 'member:manage']),
    )
    const select = await screen.findByRole('combobox', { name: '政治面貌' }, SLOW)
    const field = select.closest('.ant-form-item')!
    expect(within(field as HTMLElement).getByText('未填写')).toBeTruthy()
    expect(field.textContent).toContain('以党员身份认领心愿')
    await pick('政治面貌', '中共党员')
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))
    await waitFor(() => expect(writes).toHaveLength(1))
    expect(writes[0]).toMatchObject({
      method: 'PATCH',
      url: expect.stringContaining(`/api/v1/members/${member.id}`),
      body: { politicalStatus: 'cpc_member', name: '钱卫国' },
    })
  })

  it('create: offers every status, 未填写 unless staff pick one', async () => {
    const writes = serve()
    renderWithProviders(
      <MemberCreateModal open onClose={vi.fn()} scope={{ id: ORG, name: '甘肃省总工会' }} />,
      makeSession(['member:read', 'member:manage']),
    )
    fireEvent.change(await screen.findByLabelText('姓名', {}, SLOW), {
      target: { value: '孙丽' },
    })
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13620760013' } })
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '政治面貌' }))
    for (const option of ['中共党员', '中共预备党员', '共青团员', '群众', '其他'])
      expect((await screen.findAllByTitle(option, {}, SLOW)).length).toBeGreaterThan(0)
    fireEvent.click((await screen.findAllByTitle('共青团员')).at(-1)!)
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))
    await waitFor(() => expect(writes).toHaveLength(1))
    expect(writes[0]).toMatchObject({
      method: 'POST',
      body: { name: '孙丽', mobile: '13620760013', orgId: ORG, politicalStatus: 'cyl_member' },
    })
  })
})
