import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './precompress'

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // By path, so CommonJS helper modules (react-dom's) land with their package: the
        // worker pages (/c/…) load react without pulling the AntD chunk.
        manualChunks: (id) => {
          if (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return 'react'
          if (/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+)\//.test(id)) return 'antd'
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts'
          return undefined
        },
      },
    },
  },
})
