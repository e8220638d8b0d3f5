import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Text files worth compressing; images (PNG, WebP) are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024

/**
 * Writes a .br and a .gz copy beside every text file of the build, once, at build time. The
 * server sends them (@fastify/static preCompressed) to browsers that accept them, so a worker on
 * a slow phone network downloads the app's scripts at about a third of their size, and no CPU
 * is spent compressing per request. A copy that is not smaller is not written.
 */
export const precompress = (): Plugin => {
  let outDir = ''
  return {
    name: 'unionhall-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name)
          return statSync(file).isDirectory() ? walk(file) : [file]
        })
      for (const file of walk(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue
        const bytes = readFileSync(file)
        if (bytes.length < MIN_BYTES) continue
        const br = brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        })
        if (br.length < bytes.length) writeFileSync(`${file}.br`, br)
        const gz = gzipSync(bytes, { level: 9 })
        if (gz.length < bytes.length) writeFileSync(`${file}.gz`, gz)
      }
    },
  }
}
