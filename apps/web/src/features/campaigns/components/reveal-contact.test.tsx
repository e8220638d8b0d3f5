import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { ApiError } from '../../../lib/api-error'
import { makeSession, renderWithProviders } from '../../../test/render'
import { RevealContact } from './reveal-contact'

describe('RevealContact', { timeout: 60_000 }, () => {
  it('shows the masked number and fetches the full one only when asked', async () => {
    const reveal = vi.fn(() => Promise.resolve({ name: '群众甲', mobile: '13711112222' }))
    renderWithProviders(
      <RevealContact masked="137****2222" label="群众甲" reveal={reveal} />,
      makeSession(['campaign:review']),
    )
    expect(screen.getByText('137****2222')).toBeTruthy()
    expect(reveal).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '查看群众甲的完整号码（将记入审计日志）' }))
    expect(await screen.findByText('13711112222')).toBeTruthy()
    expect(reveal).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('says why when the server refuses', async () => {
    const reveal = vi.fn(() => Promise.reject(new ApiError('ACCESS_DENIED', 403, 'Access denied')))
    renderWithProviders(
      <RevealContact masked="137****2222" label="群众甲" reveal={reveal} />,
      makeSession(['campaign:review']),
    )
    fireEvent.click(screen.getByRole('button'))
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByText('137****2222')).toBeTruthy()
  })
})
