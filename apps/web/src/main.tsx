// Worker campaign pages (/c/…) open on phones, often in WeChat on slow networks: they boot
// without AntD and the console shell. Everything else boots the full app.
if (window.location.pathname.startsWith('/c/')) void import('./features/campaigns-public/boot')
else void import('./app/boot')
