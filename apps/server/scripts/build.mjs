// Bundles the server's own code (and the workspace contracts) into dist/main.js. Third-party
// packages stay external: several (swagger-ui, pino) load files relative to their own folder.
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')

const externalThirdParty = {
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@unionhall/')) return undefined
      return { path: args.path, external: true }
    })
  },
}

await build({
  entryPoints: [path.join(root, 'src/main.ts')],
  outfile: path.join(root, 'dist/main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [externalThirdParty],
  logLevel: 'warning',
})
console.log('server built: apps/server/dist/main.js')
