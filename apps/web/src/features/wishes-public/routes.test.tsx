import { waitFor } from '@testing-library/react'
import { createMemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import '../../test/setup'
import { wishPublicRoutes } from './routes'

describe('wish page routes', () => {
  it('sends /w, typed by hand, to the wish wall', async () => {
    const router = createMemoryRouter(wishPublicRoutes, { initialEntries: ['/w'] })
    await waitFor(() => expect(router.state.location.pathname).toBe('/w/wall'))
  })
})
