// Worker pages (campaigns /c/…, /consent/…; stations /s, /s/…; wishes /w, /w/…) open on phones,
// often in WeChat on slow networks: they boot without AntD and the console shell. Everything else
// boots the full app.
if (/^\/(c|consent)\/|^\/[sw](\/|$)/.test(window.location.pathname))
  void import('./features/campaigns-public/boot')
else void import('./app/boot')
