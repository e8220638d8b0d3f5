/**
 * Paths of the worker bundle (campaigns /c/…, /consent/…; member sign-in /m, /m/…; stations /s,
 * /s/…; wishes /w, /w/…). Workers open them on phones, often in WeChat on slow networks, so they
 * boot without AntD and the console shell. Everything else is the staff console.
 */
const WORKER_PATH = /^\/(c|consent)\/|^\/[msw](\/|$)/

export const isWorkerPath = (pathname: string) => WORKER_PATH.test(pathname)
