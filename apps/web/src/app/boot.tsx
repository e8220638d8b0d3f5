/** The staff console and sign-in pages: AntD, the console layout and every route. */
import '@ant-design/v5-patch-for-react-19'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { AppProviders, createQueryClient } from './providers'
import { createRouter } from './router'
import { languageReady, setupI18n } from '../lib/i18n'
import '../styles.css'

setupI18n()

const queryClient = createQueryClient()
const router = createRouter()
const root = document.getElementById('root')
if (!root) throw new Error('#root missing')

// English, when the page starts in it, is a chunk of its own: paint once it is here.
void languageReady().then(() =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  ),
)
