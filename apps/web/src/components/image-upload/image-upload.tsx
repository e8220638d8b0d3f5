import { PlusOutlined } from '@ant-design/icons'
import { Image, Typography, Upload, type UploadFile, type UploadProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMAGE_ACCEPT, uploadErrorMessage, uploadImage } from './upload-image'

type Props = {
  /** The image URL (an upload path or an https URL); null or undefined when there is none. */
  value?: string | null
  /** Called with the new upload's URL, or null when the image is removed. */
  onChange?: (url: string | null) => void
  /** Set by Form.Item so the field's label points at the file input. */
  id?: string
  disabled?: boolean
  /** Alternative text of the preview, e.g. "封面图片". */
  alt: string
}

/**
 * One image for a form field (a campaign cover): pick a file, it is uploaded at once through
 * the api client, and the field's value becomes the upload's URL. Shows a preview, lets the
 * user remove the image, and shows the server's refusal (type, size, pixels) under the control.
 */
export const ImageUpload = ({ value, onChange, id, disabled, alt }: Props) => {
  const { t } = useTranslation()
  const [uploading, setUploading] = useState<UploadFile | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [previewOpen, setPreviewOpen] = useState(false)

  const fileList: UploadFile[] = uploading
    ? [uploading]
    : value
      ? [{ uid: 'current', name: alt, status: 'done', url: value, thumbUrl: value }]
      : []

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    const f = file as File
    setError(null)
    setUploading({ uid: 'uploading', name: f.name, status: 'uploading', percent: 50 })
    uploadImage(f)
      .then((upload) => {
        onSuccess?.(upload)
        onChange?.(upload.url)
      })
      .catch((e: unknown) => {
        setError(uploadErrorMessage(t, e))
        onError?.(e as Error)
      })
      .finally(() => setUploading(null))
  }

  const errorId = id ? `${id}-upload-error` : undefined
  return (
    <>
      <Upload
        id={id}
        accept={IMAGE_ACCEPT}
        listType="picture-card"
        maxCount={1}
        disabled={disabled}
        fileList={fileList}
        customRequest={customRequest}
        // Thumbnails come from the server's URL; nothing is drawn on a canvas in the browser.
        previewFile={() => Promise.resolve('')}
        onPreview={() => setPreviewOpen(true)}
        onRemove={() => {
          setError(null)
          onChange?.(null)
          return true
        }}
        aria-describedby={error ? errorId : undefined}
      >
        {fileList.length === 0 ? (
          <button type="button" style={{ border: 0, background: 'none' }} disabled={disabled}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('common.imageUpload.choose')}</div>
          </button>
        ) : null}
      </Upload>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {t('common.imageUpload.hint')}
      </Typography.Text>
      {error ? (
        <Typography.Text type="danger" role="alert" id={errorId} style={{ display: 'block' }}>
          {error}
        </Typography.Text>
      ) : null}
      {value ? (
        <Image
          alt={alt}
          src={value}
          style={{ display: 'none' }}
          preview={{ visible: previewOpen, onVisibleChange: setPreviewOpen }}
        />
      ) : null}
    </>
  )
}
