import react from '@vitejs/plugin-react'
import { defineConfig, type PluginOption } from 'vite'

export default defineConfig({
  // @vitejs/plugin-react's types resolve the hoisted vite (8, from vitest) while this file
  // builds with the workspace's vite 7; the plugin works with both.
  plugins: [react() as unknown as PluginOption],
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
