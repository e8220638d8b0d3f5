import { fireEvent, screen, waitFor } from '@testing-library/react'
import { MAX_IMAGE_BYTES } from '@unionhall/contracts'
import { Form } from 'antd'
import { afterEach, describe, expect, it, vi } from 'vitest'
import '../../test/setup'
import { renderWithProviders } from '../../test/render'
import { ImageUpload } from './image-upload'

const UPLOAD_ID = '01a2270b-9000-7000-8000-0000000000e1'
const uploaded = {
  id: UPLOAD_ID,
  url: `/api/v1/uploads/${UPLOAD_ID}`,
  mime: 'image/jpeg',
  bytes: 1234,
  width: 1200,
  height: 600,
  createdAt: '2026-11-29T00:00:00.000Z',
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** The control inside a Form.Item, the way the wizard and the edit page use it. */
const renderField = (initial: string | null = null) => {
  const onValues = vi.fn()
  renderWithProviders(
    <Form initialValues={{ cover: initial }} onValuesChange={onValues}>
      <Form.Item label="封面图片" name="cover">
        <ImageUpload alt="封面图片" />
      </Form.Item>
    </Form>,
  )
  return onValues
}

/** AntD renders slowly in jsdom on a busy machine; wait longer than the 1 s default. */
const SLOW = { timeout: 10_000 }

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!

describe('ImageUpload', { timeout: 30_000 }, () => {
  afterEach(() => vi.unstubAllGlobals())

  it('uploads the chosen file through the api client and puts its URL in the field', async () => {
    const fetchMock = vi.fn(async () => json(uploaded, 201))
    vi.stubGlobal('fetch', fetchMock)
    const onValues = renderField()

    expect(fileInput().getAttribute('accept')).toBe('image/jpeg,image/png,image/webp')
    fireEvent.change(fileInput(), {
      target: {
        files: [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'c.jpg', { type: 'image/jpeg' })],
      },
    })

    await waitFor(
      () => expect(onValues).toHaveBeenCalledWith({ cover: uploaded.url }, expect.anything()),
      SLOW,
    )
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/uploads')
    expect(init.method).toBe('POST')
    expect((init.body as FormData).get('file')).toBeInstanceOf(File)
    expect(new Headers(init.headers).get('Content-Type')).toBeNull() // the browser sets the boundary
    await waitFor(
      () =>
        expect(
          document.querySelector(`a[href="${uploaded.url}"], img[src="${uploaded.url}"]`),
        ).not.toBeNull(),
      SLOW,
    )
  })

  it('shows the server refusal under the control and keeps the field empty', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json(
          { error: { code: 'UPLOAD_TYPE_UNSUPPORTED', message: 'Only JPEG, PNG or WebP images' } },
          415,
        ),
      ),
    )
    const onValues = renderField()

    fireEvent.change(fileInput(), {
      target: { files: [new File(['not an image'], 'fake.png', { type: 'image/png' })] },
    })

    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe(
      '这个文件不是真正的 JPEG、PNG 或 WebP 图片（按文件内容判断，不看文件名），请换一张照片',
    )
    expect(onValues).not.toHaveBeenCalled()
  })

  it('refuses a file over 5 MB before sending it', async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    renderField()
    const big = new File([new Uint8Array(MAX_IMAGE_BYTES + 1)], 'big.jpg', { type: 'image/jpeg' })

    fireEvent.change(fileInput(), { target: { files: [big] } })

    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toBe('图片不能超过 5 MB')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('shows the current image and clears the field when it is removed', async () => {
    const onValues = renderField(uploaded.url)

    expect(screen.queryByText('上传图片')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /删除|remove|delete/i }))

    await waitFor(
      () => expect(onValues).toHaveBeenCalledWith({ cover: null }, expect.anything()),
      SLOW,
    )
    expect(await screen.findByText('上传图片', {}, SLOW)).toBeTruthy()
  })
})
