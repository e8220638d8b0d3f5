import { MAX_IMAGE_BYTES } from '@unionhall/contracts'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  IMAGE_ACCEPT,
  uploadErrorMessage,
  uploadImage,
} from '../../../components/image-upload/upload-image'
import { imageSrcSet, sizedImageSrc } from '../../../lib/web-link'

type Props = {
  value: string[]
  /** Applies a change to the latest list (uploads finish one after another). */
  onChange: (update: (urls: string[]) => string[]) => void
  /** Reports an upload refusal to the form, or null once it no longer applies. */
  onError: (message: string | null) => void
  max: number
  /** The ids the surrounding Field gives its control (label, hint, error). */
  a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }
}

/**
 * Photos for the worker nomination form: the phone's own picker (camera or gallery), each
 * photo uploaded as soon as it is chosen, thumbnails with a remove button. No AntD: the public
 * pages are a light bundle.
 *
 * The file input stays a real one (the phone offers camera or gallery for it), hidden from
 * view but not from the keyboard or screen readers; what people see and tap is its label, a
 * large 添加照片 box with the count. A bare file input was a 21 px line of browser text that
 * people did not take for a way to add photos.
 */
export const PhotoPicker = ({ value, onChange, onError, max, a11y }: Props) => {
  const { t } = useTranslation()
  const [pending, setPending] = useState(0)
  const k = 'campaignsPublic.nominate'

  const pick = async (files: File[]) => {
    const room = Math.max(0, max - value.length - pending)
    const chosen = files.slice(0, room)
    onError(files.length > room ? t(`${k}.errors.photoCount`, { max }) : null)
    setPending((n) => n + chosen.length)
    for (const file of chosen) {
      try {
        const upload = await uploadImage(file)
        onChange((urls) => (urls.length < max ? [...urls, upload.url] : urls))
      } catch (e) {
        onError(`${file.name}: ${uploadErrorMessage(t, e)}`)
      } finally {
        setPending((n) => n - 1)
      }
    }
  }

  const full = value.length + pending >= max
  return (
    <div className="cp-photos">
      {value.length > 0 || pending > 0 ? (
        <ul className="cp-photo-grid" aria-label={t(`${k}.photoList`)}>
          {value.map((url, i) => (
            <li key={url} className="cp-photo-item">
              <img
                className="cp-photo-thumb"
                // Shown 6em (about 100 px) square: the smallest served width is plenty.
                src={sizedImageSrc(url, 320)}
                srcSet={imageSrcSet(url)}
                sizes="7em"
                alt={t(`${k}.photoN`, { n: i + 1 })}
                width={96}
                height={96}
              />
              <button
                type="button"
                className="cp-btn cp-photo-remove"
                aria-label={t(`${k}.photoRemove`, { n: i + 1 })}
                onClick={() => {
                  onError(null)
                  onChange((urls) => urls.filter((u) => u !== url))
                }}
              >
                {t(`${k}.photoRemoveShort`)}
              </button>
            </li>
          ))}
          {pending > 0 ? (
            <li role="status" className="cp-photo-item cp-photo-pending">
              {t(`${k}.photoUploading`, { count: pending })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {full ? (
        <div className="cp-hint">{t(`${k}.errors.photoCount`, { max })}</div>
      ) : (
        <>
          <input
            {...a11y}
            className="cp-photo-input"
            data-field="photoUrls"
            type="file"
            accept={IMAGE_ACCEPT}
            multiple
            onChange={(e) => {
              const files = [...(e.target.files ?? [])]
              // Clear the input so choosing the same photo again after removing it still fires.
              e.target.value = ''
              void pick(files)
            }}
          />
          <label htmlFor={a11y.id} className="cp-photo-add">
            <span className="cp-photo-add-icon" aria-hidden="true">
              +
            </span>
            <span className="cp-photo-add-text">
              <span className="cp-photo-add-title">{t(`${k}.photoAdd`)}</span>
              <span className="cp-photo-add-count">
                {t(`${k}.photoAddCount`, {
                  n: value.length,
                  max,
                  mb: MAX_IMAGE_BYTES / 1024 / 1024,
                })}
              </span>
            </span>
          </label>
        </>
      )}
    </div>
  )
}
