import { isWorkerPath } from './lib/worker-paths'

// Worker pages boot without AntD and the console shell (see isWorkerPath); everything else boots
// the full app.
if (isWorkerPath(window.location.pathname)) void import('./features/campaigns-public/boot')
else void import('./app/boot')
