import { waitFor } from '@testing-library/react'
import { createMemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import '../../test/setup'
import { accountPublicRoutes } from './routes'

describe('member account routes', () => {
  it('sends /m, typed by hand, to the sign-in page', async () => {
    const router = createMemoryRouter(accountPublicRoutes, { initialEntries: ['/m'] })
    await waitFor(() => expect(router.state.location.pathname).toBe('/m/login'))
  })
})
