import type { ThemeConfig } from 'antd'

/**
 * AntD theme tokens, set once here. Colours are chosen for WCAG AA contrast on white
 * (AntD's default blue, red and secondary-text greys fall below 4.5:1).
 */
export const buildTheme = (largeText: boolean): ThemeConfig => ({
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorError: '#c62828',
    colorSuccess: '#2e7d32',
    colorWarning: '#a15c00',
    colorInfo: '#1d4ed8',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
    fontSize: largeText ? 18 : 14,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Layout: { headerPadding: '0 16px' },
  },
})

export const layoutSizes = { siderWidth: 216, headerHeight: 56 } as const
