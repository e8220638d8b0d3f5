import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { Category } from '@unionhall/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../../test/setup'
import { cascaded, sheet } from '../../wishes-public/test/cascade'
import { NominationForm } from './nomination-form'

const categories: Category[] = [
  { id: '00000000-0000-7000-8000-0000000000c1', name: '技能工匠', honourCount: 4, sort: 0 },
  { id: '00000000-0000-7000-8000-0000000000c2', name: '创新工匠', honourCount: 2, sort: 1 },
]
const org = {
  id: '00000000-0000-7000-8000-0000000000d1',
  name: '兰州石化工会',
  kind: 'enterprise',
  parentName: '兰州市总工会',
}

const renderForm = (onSubmit = vi.fn()) => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <NominationForm
        categories={categories}
        pending={false}
        serverError={null}
        onSubmit={onSubmit}
      />
    </QueryClientProvider>,
  )
  return onSubmit
}

const field = (label: string) => screen.getByLabelText(label)
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } })
const errorOf = (label: string) => {
  const ids = field(label).getAttribute('aria-describedby') ?? ''
  return ids
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((el) => el?.className === 'cp-error')?.textContent
}

describe('nomination form', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows one clear message per field on an empty form and does not submit', () => {
    const onSubmit = renderForm()
    fireEvent.click(screen.getByRole('button', { name: '提交提名' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByRole('alert').textContent).toMatch(/有 \d+ 项需要修改/)
    expect(errorOf('评选类别')).toBe('请选择评选类别')
    expect(errorOf('被提名人姓名')).toBe('请填写这一项')
    expect(errorOf('被提名人手机号')).toBe('请填写这一项')
    expect(errorOf('工作单位（所在工会）')).toBe('请搜索并点选被提名人所在的工会')
    expect(errorOf('主要事迹')).toBe('请填写这一项')
    expect(screen.getByText('请选择“是”或“否”')).toBeTruthy()
    // Optional fields stay quiet.
    expect(errorOf('身份证号（选填）')).toBeUndefined()
    expect(errorOf('视频链接（选填）')).toBeUndefined()
    // The first wrong field gets the focus.
    expect(document.activeElement).toBe(field('评选类别'))
  })

  it('says what to type for malformed values', () => {
    renderForm()
    type('被提名人手机号', '1380000')
    type('身份证号（选填）', '620102199001011234')
    type('从业年限（年）', '80')
    type('主要事迹', '太短')
    type('视频链接（选填）', 'video')
    fireEvent.click(screen.getByRole('button', { name: '提交提名' }))
    expect(errorOf('被提名人手机号')).toBe('请输入 11 位手机号，例如 13800001234')
    expect(errorOf('身份证号（选填）')).toMatch(/^身份证号不正确/)
    expect(errorOf('从业年限（年）')).toBe('从业年限应在 0 到 60 年之间')
    expect(errorOf('主要事迹')).toBe('至少需要 10 个字符')
    expect(errorOf('视频链接（选填）')).toBe('请输入以 https:// 开头的完整链接')
  })

  it('takes only https video links, as its hint says and the server requires', () => {
    const onSubmit = renderForm()
    expect(screen.getByText('以 https:// 开头')).toBeTruthy()
    type('视频链接（选填）', 'http://www.example.com/video/1')
    fireEvent.click(screen.getByRole('button', { name: '提交提名' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(errorOf('视频链接（选填）')).toBe('请输入以 https:// 开头的完整链接')
    type('视频链接（选填）', 'https://www.example.com/video/1')
    fireEvent.click(screen.getByRole('button', { name: '提交提名' }))
    expect(errorOf('视频链接（选填）')).toBeUndefined()
  })

  it('lays the 是否一线职工 choices out in a spaced row, each radio apart from its words', () => {
    renderForm()
    const sheets = [sheet('features/campaigns-public/components/public.css')]
    const group = screen.getByRole('group', { name: '是否一线职工' })
    expect(cascaded(group, 'border-top-width', sheets)).toBe('0px')
    for (const name of ['是', '否']) {
      const label = screen.getByRole('radio', { name }).closest('label')!
      // A flex box with a gap between the radio and its text, in regular weight.
      expect(cascaded(label, 'display', sheets), name).toBe('flex')
      expect(cascaded(label, 'gap', sheets), name).toBe('0.5em')
      expect(cascaded(label, 'font-weight', sheets), name).toBe('normal')
      // The choices sit in a wrapping row with a gap between their boxes.
      const row = label.parentElement!
      expect(cascaded(row, 'display', sheets)).toBe('flex')
      expect(cascaded(row, 'gap', sheets)).toBe('0.5em')
    }
  })

  it('submits the body of CreateNominationBodySchema once everything is right', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify([org]), { headers: { 'content-type': 'application/json' } }),
      ),
    )
    const onSubmit = renderForm()
    fireEvent.change(field('评选类别'), { target: { value: categories[1]!.id } })
    type('被提名人姓名', '王建国')
    type('被提名人手机号', '13900001111')
    type('工作单位（所在工会）', '兰州石化')
    fireEvent.click(await screen.findByRole('button', { name: /兰州石化工会/ }, { timeout: 3000 }))
    type('岗位工种', '焊工')
    type('从业年限（年）', '18')
    fireEvent.click(screen.getByRole('radio', { name: '是' }))
    type('主要事迹', '带领班组攻克高压管道焊接难题，获全国技能大赛金奖。')
    type('推荐理由', '技术过硬，甘于奉献')
    fireEvent.click(screen.getByRole('button', { name: '提交提名' }))
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1))
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      categoryId: categories[1]!.id,
      nomineeName: '王建国',
      nomineeMobile: '13900001111',
      employerOrgId: org.id,
      trade: '焊工',
      years: 18,
      isFrontLine: true,
      achievements: '带领班组攻克高压管道焊接难题，获全国技能大赛金奖。',
      photoUrls: [],
      reason: '技术过硬，甘于奉献',
    })
  })

  it('uploads chosen photos, shows them, lets one be removed and sends the upload URLs', async () => {
    const uploadId = '01a2270b-9000-7000-8000-0000000000f1'
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/v1/uploads') {
        expect(init?.method).toBe('POST')
        expect((init?.body as FormData).get('file')).toBeInstanceOf(File)
        return new Response(
          JSON.stringify({
            id: uploadId,
            url: `/api/v1/uploads/${uploadId}`,
            mime: 'image/png',
            bytes: 68,
            width: 1,
            height: 1,
            createdAt: '2026-11-29T00:00:00.000Z',
          }),
          { status: 201, headers: { 'content-type': 'application/json' } },
        )
      }
      return new Response(JSON.stringify([org]), {
        headers: { 'content-type': 'application/json' },
      })
    })
    vi.stubGlobal('fetch', fetchMock)
    renderForm()
    const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'me.png', {
      type: 'image/png',
    })

    fireEvent.change(field('照片（选填）'), { target: { files: [photo] } })

    const img = await screen.findByRole('img', { name: '照片 1' }, { timeout: 10_000 })
    // A thumbnail at the smallest served width, not the full phone photo.
    expect(img.getAttribute('src')).toBe(`/api/v1/uploads/${uploadId}?w=320`)
    expect(screen.getByText('已选 1/9 张，每张不超过 5 MB')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '删除照片 1' }))
    expect(screen.queryByRole('img', { name: '照片 1' })).toBeNull()
  })

  it('offers photos through a large 添加照片 box that labels a real, focusable file input', () => {
    renderForm()
    const sheets = [sheet('features/campaigns-public/components/public.css')]
    const input = field('照片（选填）') as HTMLInputElement
    expect(input.type).toBe('file')
    expect(input.accept).toBe('image/jpeg,image/png,image/webp')
    expect(input.multiple).toBe(true)
    // Hidden from view, not from the keyboard or screen readers (no display: none).
    expect(input.tabIndex).toBe(0)
    expect(cascaded(input, 'display', sheets)).toBeNull()
    expect(cascaded(input, 'position', sheets)).toBe('absolute')
    expect(cascaded(input, 'width', sheets)).toBe('1px')
    // The box people tap is the input's own label, with the count and the size limit.
    const box = [...input.labels!].find((l) => l.classList.contains('cp-photo-add'))
    expect(box?.textContent).toContain('添加照片')
    expect(box?.textContent).toContain('已选 0/9 张，每张不超过 5 MB')
    // Not the bold block every label of a .cp-field gets: a large flex box with a dashed border.
    expect(cascaded(box!, 'display', sheets)).toBe('flex')
    expect(cascaded(box!, 'min-height', sheets)).toBe('4.5em')
    expect(cascaded(box!, 'border-style', sheets)).toBe('dashed')
    expect(cascaded(box!, 'cursor', sheets)).toBe('pointer')
    // Its hint and error stay tied to the input.
    expect(input.getAttribute('aria-describedby')).toBeTruthy()
  })

  it('shows an upload refusal as the photo field error and keeps the list unchanged', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({
              error: {
                code: 'UPLOAD_TYPE_UNSUPPORTED',
                message:
                  '这个文件不是真正的 JPEG、PNG 或 WebP 图片（按文件内容判断，不看文件名），请换一张照片',
              },
            }),
            { status: 415, headers: { 'content-type': 'application/json' } },
          ),
      ),
    )
    renderForm()
    const fake = new File(['just text'], 'fake.png', { type: 'image/png' })

    fireEvent.change(field('照片（选填）'), { target: { files: [fake] } })

    await waitFor(
      () =>
        expect(errorOf('照片（选填）')).toBe(
          'fake.png: 这个文件不是真正的 JPEG、PNG 或 WebP 图片（按文件内容判断，不看文件名），请换一张照片',
        ),
      { timeout: 10_000 },
    )
    expect(screen.queryByRole('img')).toBeNull()
  })
})
